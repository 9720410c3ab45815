import { routeHref } from '../app/route';

/** Opens the server's Messages tab on one call's request, notifications and response. */
export function ShowMessagesLink({ serverId, callId }: { serverId: string; callId: string }) {
  return (
    <a className="btn btn-ghost btn-small" href={routeHref({ page: 'server', serverId, tab: 'messages', item: callId })} data-testid="show-messages">
      Show messages
    </a>
  );
}
