import { useEffect, useRef } from 'react';
import { ConnectionBanner } from './app/ConnectionBanner';
import { useManagerLost } from './app/connection-context';
import { NAV_ITEMS, Sidebar } from './app/Sidebar';
import type { Route } from './app/route';
import { navigate, useRoute } from './app/use-route';
import { ClientsPage } from './clients/ClientsPage';
import { ServerRequestsDialog } from './server-requests/ServerRequestsDialog';
import { useServer } from './servers/servers-context';
import { ServerPage } from './server-page/ServerPage';
import { ServersPage } from './servers/ServersPage';
import { SettingsPage } from './settings/SettingsPage';

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'servers':
      return <ServersPage />;
    case 'server':
      return <ServerPage serverId={route.serverId} tab={route.tab} item={route.item} />;
    case 'clients':
      return <ClientsPage />;
    case 'settings':
      return <SettingsPage />;
  }
}

function usePageTitle(route: Route): void {
  const server = useServer(route.page === 'server' ? route.serverId : '');
  const title = route.page === 'server' ? (server?.name ?? route.serverId) : (NAV_ITEMS.find((item) => item.page === route.page)?.label ?? '');
  useEffect(() => {
    document.title = `${title} · MCP Tray`;
  }, [title]);
}

/** Alt+1/2/3 switch pages; by physical key (event.code), because Alt+digit types a symbol on macOS. */
function useNavigationShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const index = ['Digit1', 'Digit2', 'Digit3'].indexOf(event.code);
      const item = NAV_ITEMS[index];
      if (!item || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      navigate({ page: item.page });
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}

export function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const pageKey = route.page === 'server' ? `server:${route.serverId}` : route.page;
  const firstPage = useRef(true);
  const managerLost = useManagerLost();
  usePageTitle(route);
  useNavigationShortcuts();

  // Moving to another page puts focus at its start, as a page load would; switching tabs does not.
  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
    main.current?.scrollTo({ top: 0 });
  }, [pageKey]);

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={(event) => { event.preventDefault(); main.current?.focus(); }}>
        Skip to content
      </a>
      <Sidebar route={route} />
      <div className="app-main">
        <ConnectionBanner />
        <main id="main" ref={main} tabIndex={-1} className="app-content">
          {/* A disabled fieldset disables every control inside: no action is sent while the manager is out of reach. */}
          <fieldset className="page-controls" disabled={managerLost}>
            <Page route={route} />
          </fieldset>
        </main>
      </div>
      <ServerRequestsDialog />
    </div>
  );
}
