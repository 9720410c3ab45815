import { BUNDLED_SERVERS } from '../../shared/vocabulary';
import type { ServerSummary } from '../../shared/contract';
import { routeHref } from '../app/route';
import { describeSecretLocation } from './secret-location';

/** On a server's Overview: which declared secrets are not set, what that means, and where to set them. */
export function MissingSecretsCallout({ server, missing, keychainService }: { server: ServerSummary; missing: readonly string[]; keychainService: string | undefined }) {
  if (missing.length === 0) return null;
  const withoutSecrets = BUNDLED_SERVERS.find((bundled) => bundled.id === server.id)?.withoutSecrets;
  const names = missing.join(' and ');
  return (
    <div className="callout callout-warning" data-testid="missing-secrets">
      <p>
        <strong>Needs {names}.</strong> {withoutSecrets ?? `${server.name} runs, but whatever it does with ${names} fails until ${missing.length === 1 ? 'it is' : 'they are'} set.`}{' '}
        <a href={routeHref({ page: 'server', serverId: server.id, tab: 'settings' })} data-testid="set-missing-secret">
          Set {names}
        </a>
      </p>
      <p className="muted">{missing.map((name) => describeSecretLocation(server.id, name, keychainService)).join(' ')}</p>
    </div>
  );
}
