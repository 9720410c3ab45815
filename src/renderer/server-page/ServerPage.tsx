import type { ServerSummary } from '../../shared/contract';
import { routeHref, type ServerTab } from '../app/route';
import { navigate } from '../app/use-route';
import { useServers } from '../servers/servers-context';
import { useServerActions } from '../servers/use-server-actions';
import { LogView } from '../logs/LogView';
import { MessagesTab } from '../messages/MessagesTab';
import { PromptsTab, ResourcesTab, ToolsTab } from '../playground';
import { ServerLifecycleButtons } from '../servers/ServerLifecycleButtons';
import { Icon } from '../ui/Icon';
import { StateBadge } from '../ui/StateBadge';
import { EmptyState, ErrorState, LoadingRows } from '../ui/StatusStates';
import { panelId, tabId, Tabs, type TabItem } from '../ui/Tabs';
import { ClientsTab } from '../connected-clients/ClientsTab';
import { useServerHeldTools } from '../tool-changes/held-tools-context';
import { HeldToolsBadge } from '../tool-changes/HeldToolsBadge';
import { ToolChangesTab } from '../tool-changes/ToolChangesTab';
import { OverviewTab } from './OverviewTab';
import { ServerSettingsTab } from './ServerSettingsTab';

const TAB_PREFIX = 'server';

function tabsFor(server: ServerSummary, held: number, tab: ServerTab): TabItem<ServerTab>[] {
  const { counts, state } = server.health;
  // Counts are only known while the server runs; showing "0" for a stopped one would mislead.
  const known = state === 'running' || state === 'degraded';
  const count = (value: number) => (known ? <span className="tab-count">{value}</span> : null);
  return [
    { id: 'overview', label: 'Overview' },
    { id: 'tools', label: <>Tools{count(counts.tools)}</> },
    { id: 'resources', label: <>Resources{count(counts.resources)}</> },
    { id: 'prompts', label: <>Prompts{count(counts.prompts)}</> },
    { id: 'logs', label: 'Logs' },
    { id: 'messages', label: 'Messages' },
    { id: 'clients', label: 'Clients' },
    // Only while something waits for approval (or when opened by its address): a tab that is empty most of the time is noise.
    ...(held > 0 || tab === 'changes' ? [{ id: 'changes' as const, label: <>Changes{held > 0 ? <span className="tab-count tab-count-warning">{held}</span> : null}</> }] : []),
    { id: 'settings', label: 'Settings' },
  ];
}

function TabPanel({ server, tab, item }: { server: ServerSummary; tab: ServerTab; item: string | undefined }) {
  const choose = (next: string) => navigate({ page: 'server', serverId: server.id, tab, item: next });
  switch (tab) {
    case 'overview':
      return <OverviewTab server={server} />;
    case 'tools':
      return <ToolsTab serverId={server.id} chosen={item} onChoose={choose} />;
    case 'resources':
      return <ResourcesTab serverId={server.id} chosen={item} onChoose={choose} />;
    case 'prompts':
      return <PromptsTab serverId={server.id} chosen={item} onChoose={choose} />;
    case 'logs':
      return <LogView serverId={server.id} />;
    case 'messages':
      return <MessagesTab serverId={server.id} callId={item} />;
    case 'clients':
      return <ClientsTab server={server} />;
    case 'changes':
      return <ToolChangesTab serverId={server.id} />;
    case 'settings':
      return <ServerSettingsTab server={server} />;
  }
}

/** One server: its header with the lifecycle buttons, then a tab per aspect. */
export function ServerPage({ serverId, tab, item }: { serverId: string; tab: ServerTab; item?: string }) {
  const { snapshot, reload } = useServers();
  const actions = useServerActions();
  const server = snapshot.servers.find((candidate) => candidate.id === serverId);
  const held = useServerHeldTools(serverId);
  const back = (
    <a className="btn btn-ghost" href={routeHref({ page: 'servers' })}>
      <Icon name="back" size={14} />
      All servers
    </a>
  );

  if (!server) {
    if (snapshot.status === 'loading') return <LoadingRows label="Loading the server" rows={3} />;
    if (snapshot.status === 'error') {
      return (
        <ErrorState title="Could not load the server" action={<button type="button" className="btn" onClick={() => void reload()}>Try again</button>}>
          {snapshot.error}
        </ErrorState>
      );
    }
    return (
      <EmptyState title={`There is no server "${serverId}"`} action={back} testId="server-not-found">
        It may have been removed.
      </EmptyState>
    );
  }

  return (
    <section className="page page-server" aria-labelledby="server-heading" data-testid="server-page">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <a href={routeHref({ page: 'servers' })}>Servers</a>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{server.name}</span>
      </nav>
      <header className="page-header server-header">
        <div className="server-title">
          <h1 id="server-heading">{server.name}</h1>
          <StateBadge state={server.health.state} testId={`server-state-${server.id}`} />
          {server.kind === 'custom' ? <span className="tag">custom</span> : <span className="tag">bundled</span>}
          {!server.enabled ? <span className="tag tag-warning">disabled</span> : null}
          <HeldToolsBadge serverId={server.id} />
        </div>
        <ServerLifecycleButtons server={server} actions={actions} />
      </header>
      <Tabs
        tabs={tabsFor(server, held.length, tab)}
        selected={tab}
        onSelect={(next) => navigate({ page: 'server', serverId: server.id, tab: next })}
        idPrefix={TAB_PREFIX}
        label={`${server.name} sections`}
      />
      <div className="tab-panel" role="tabpanel" id={panelId(TAB_PREFIX, tab)} aria-labelledby={tabId(TAB_PREFIX, tab)} data-testid={`server-panel-${tab}`}>
        <TabPanel key={`${server.id}:${tab}`} server={server} tab={tab} item={item} />
      </div>
    </section>
  );
}
