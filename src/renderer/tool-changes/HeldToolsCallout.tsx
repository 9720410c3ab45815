import { routeHref } from '../app/route';
import { useServerHeldTools } from './held-tools-context';

/** On the Tools tab: which tools clients do not get until their changed definitions are approved, and where to review them. */
export function HeldToolsCallout({ serverId }: { serverId: string }) {
  const held = useServerHeldTools(serverId);
  if (held.length === 0) return null;
  return (
    <div className="callout callout-warning" data-testid="held-tools-callout">
      <p>
        <strong>{held.join(', ')}</strong> changed since you approved {held.length === 1 ? 'it' : 'them'}, so clients do not get {held.length === 1 ? 'it' : 'them'} until you approve the change.{' '}
        <a href={routeHref({ page: 'server', serverId, tab: 'changes' })}>Review the changes</a>
      </p>
    </div>
  );
}
