import { useServers } from '../servers/servers-context';
import { useHeldTools } from '../tool-changes/held-tools-context';
import { Icon, type IconName } from '../ui/Icon';
import { useApi } from './api-context';
import { routeHref, type Route } from './route';

interface NavItem {
  page: 'servers' | 'clients' | 'settings';
  label: string;
  icon: IconName;
  shortcut: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { page: 'servers', label: 'Servers', icon: 'servers', shortcut: 'Alt+1' },
  { page: 'clients', label: 'Clients', icon: 'clients', shortcut: 'Alt+2' },
  { page: 'settings', label: 'Settings', icon: 'settings', shortcut: 'Alt+3' },
];

/** The app's main navigation, with the count of servers that need attention next to Servers. */
export function Sidebar({ route }: { route: Route }) {
  const { snapshot } = useServers();
  const api = useApi();
  const current = route.page === 'server' ? 'servers' : route.page;
  const holding = useHeldTools().size;
  const troubled = snapshot.servers.filter((server) => server.health.state === 'failed' || server.health.state === 'backoff' || server.health.state === 'degraded').length;

  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">MCP Tray</span>
      </div>
      <ul className="nav-list">
        {NAV_ITEMS.map((item) => (
          <li key={item.page}>
            <a
              className={current === item.page ? 'nav-link nav-link-current' : 'nav-link'}
              href={routeHref({ page: item.page })}
              aria-current={current === item.page ? 'page' : undefined}
              aria-keyshortcuts={item.shortcut}
              title={`${item.label} (${item.shortcut})`}
              data-testid={`nav-${item.page}`}
            >
              <Icon name={item.icon} />
              <span className="nav-label">{item.label}</span>
              {item.page === 'servers' && troubled > 0 ? (
                <span className="nav-badge" aria-label={`${troubled} need attention`}>
                  {troubled}
                </span>
              ) : null}
              {item.page === 'servers' && holding > 0 ? (
                <span
                  className="nav-badge nav-badge-warning"
                  title={`${holding} ${holding === 1 ? 'server holds' : 'servers hold'} back changed tools until you approve them`}
                  aria-label={`${holding} with tools held back`}
                  data-testid="nav-held-tools"
                >
                  {holding}
                </span>
              ) : null}
            </a>
          </li>
        ))}
      </ul>
      <div className="sidebar-footer" title={api.transport === 'ipc' ? 'Connected to the MCP Tray app' : 'Connected to the headless host (mcp-tray serve)'}>
        {api.transport === 'ipc' ? 'Desktop app' : 'Headless host'}
      </div>
    </nav>
  );
}
