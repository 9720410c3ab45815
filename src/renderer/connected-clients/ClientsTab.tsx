import type { ServerSummary } from '../../shared/contract';
import { ClientSessionsCard } from './ClientSessionsCard';
import { RootsCard } from './RootsCard';
import { SharingCard } from './SharingCard';

/** The Clients tab of a server's page: who is connected, how they share the server, and its folders. */
export function ClientsTab({ server }: { server: ServerSummary }) {
  return (
    <div className="settings-stack" data-testid="clients-tab">
      <ClientSessionsCard server={server} />
      <SharingCard server={server} />
      <RootsCard server={server} />
    </div>
  );
}
