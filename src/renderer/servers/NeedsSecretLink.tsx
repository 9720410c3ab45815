import { routeHref } from '../app/route';

/** "needs GITHUB_TOKEN", leading to the server's Settings tab where it is set. */
export function NeedsSecretLink({ serverId, names }: { serverId: string; names: readonly string[] }) {
  if (names.length === 0) return null;
  return (
    <a className="tag tag-warning needs-secret" href={routeHref({ page: 'server', serverId, tab: 'settings' })} title={`Set ${names.join(' and ')} in this server's settings`} data-testid={`needs-secret-${serverId}`}>
      needs {names.join(', ')}
    </a>
  );
}
