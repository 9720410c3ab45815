import { readChoiceEnv, readListEnv, readStringEnv } from '../env';
import { ApiKeyRing } from './api-keys';
import { Authenticator } from './authenticator';
import { cachedDiscovery, discoverAuthorizationServer } from './authorization-server';
import { JwtAccessTokenVerifier } from './jwt-verifier';
import { ProtectedResource } from './protected-resource';

export interface RemoteAuth {
  authenticator: Authenticator;
  /** The key ring when API keys are configured, for reloading on SIGHUP. */
  apiKeys?: ApiKeyRing;
  /** The RFC 9728 document when OAuth is configured. */
  protectedResource?: ProtectedResource;
}

/**
 * Authentication from the environment: named API keys (MCP_AUTH_TOKENS, MCP_AUTH_TOKENS_FILE), an
 * OAuth 2.1 resource server (MCP_AUTH_ISSUER, MCP_AUTH_AUDIENCE, MCP_AUTH_SCOPES), either, both, or
 * none. A bad setting stops start-up with a message that names it.
 */
export function readRemoteAuth(env: NodeJS.ProcessEnv, discover = discoverAuthorizationServer): RemoteAuth {
  const inline = readStringEnv(env, 'MCP_AUTH_TOKENS');
  const file = readStringEnv(env, 'MCP_AUTH_TOKENS_FILE');
  const apiKeys = inline || file ? new ApiKeyRing({ inline, file }) : undefined;
  if (apiKeys && apiKeys.size === 0) {
    throw new Error('MCP_AUTH_TOKENS_FILE holds no keys. Add one name:key per line, or unset it.');
  }

  const issuer = readStringEnv(env, 'MCP_AUTH_ISSUER');
  const audience = readStringEnv(env, 'MCP_AUTH_AUDIENCE');
  if (!issuer && !audience) return { authenticator: new Authenticator(apiKeys, undefined), apiKeys };
  if (!issuer || !audience) {
    throw new Error('MCP_AUTH_ISSUER and MCP_AUTH_AUDIENCE go together: set both for OAuth, or neither.');
  }
  requireHttpUrl('MCP_AUTH_ISSUER', issuer);
  const audienceUrl = requireHttpUrl('MCP_AUTH_AUDIENCE', audience);
  const requiredScopes = readListEnv(env, 'MCP_AUTH_SCOPES') ?? [];
  const discoverIssuer = cachedDiscovery(issuer, discover);
  const protectedResource = new ProtectedResource(audienceUrl, requiredScopes, discoverIssuer);
  const verifier = new JwtAccessTokenVerifier({ issuer, audience, discover: discoverIssuer });
  return {
    authenticator: new Authenticator(apiKeys, { verifier, resource: protectedResource, audience: audienceUrl, requiredScopes }),
    apiKeys,
    protectedResource,
  };
}

/**
 * A server holding a credential of its own (GitHub's token) lends it to whoever can reach it. Without
 * authentication that is every process on this machine, even on loopback, so it is refused unless
 * MCP_AUTH=none says it is meant. MCP_AUTH=none does not lift the loopback-only rule.
 */
export function assertCredentialIsGuarded(auth: RemoteAuth, env: NodeJS.ProcessEnv, credential: string | undefined): void {
  const withoutAuth = readChoiceEnv(env, 'MCP_AUTH', { none: 'serve without authentication on purpose' }, undefined) === 'none';
  if (withoutAuth && auth.authenticator.configured) {
    throw new Error('MCP_AUTH=none asks for no authentication, but MCP_AUTH_TOKENS, MCP_AUTH_TOKENS_FILE or MCP_AUTH_ISSUER is set. Unset one or the other.');
  }
  if (credential !== undefined && !auth.authenticator.configured && !withoutAuth) {
    throw new Error(
      `Refusing to serve ${credential} over HTTP without authentication: any program on this machine could act with it through this server. ` +
        `Set MCP_AUTH_TOKENS (or MCP_AUTH_ISSUER) to require a key, or set MCP_AUTH=none to serve it without one on purpose.`,
    );
  }
}

function requireHttpUrl(name: string, value: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new Error(`${name} must be an absolute https URL (the public address of this server's /mcp for the audience); it is "${value}".`);
  }
  return url;
}
