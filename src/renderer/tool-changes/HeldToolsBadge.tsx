import { routeHref } from '../app/route';
import { useServerHeldTools } from './held-tools-context';

/** "2 tools held back", linking to the server's changes; nothing when none is held. */
export function HeldToolsBadge({ serverId }: { serverId: string }) {
  const held = useServerHeldTools(serverId);
  if (held.length === 0) return null;
  const text = `${held.length} ${held.length === 1 ? 'tool' : 'tools'} held back`;
  return (
    <a
      className="tag tag-warning"
      href={routeHref({ page: 'server', serverId, tab: 'changes' })}
      title={`Changed definitions of ${held.join(', ')} wait for your approval before clients see them`}
      data-testid={`held-tools-${serverId}`}
    >
      {text}
    </a>
  );
}
