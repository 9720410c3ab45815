import * as z from 'zod';
import { memoizePromise } from './memoize-promise';

/** The RFC 8414 / OpenID discovery fields this resource server relies on. */
const authorizationServerMetadataSchema = z.looseObject({
  issuer: z.string(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  response_types_supported: z.array(z.string()),
  jwks_uri: z.url(),
});

export type AuthorizationServerMetadata = z.infer<typeof authorizationServerMetadataSchema>;

const DISCOVERY_TIMEOUT_MS = 5_000;

/**
 * The issuer's metadata, from RFC 8414 (`/.well-known/oauth-authorization-server` inserted before the
 * issuer's path) or else OpenID Connect Discovery (`/.well-known/openid-configuration` appended).
 */
export async function discoverAuthorizationServer(issuer: string): Promise<AuthorizationServerMetadata> {
  const issuerUrl = new URL(issuer);
  const path = issuerUrl.pathname.replace(/\/+$/, '');
  const candidates = [
    new URL(`/.well-known/oauth-authorization-server${path}`, issuerUrl),
    new URL(`${path}/.well-known/openid-configuration`, issuerUrl),
  ];
  const problems: string[] = [];
  for (const url of candidates) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS), headers: { accept: 'application/json' } });
      if (!response.ok) {
        problems.push(`${url.href} answered ${response.status}`);
        continue;
      }
      const parsed = authorizationServerMetadataSchema.safeParse(await response.json());
      if (!parsed.success) {
        problems.push(`${url.href} is not authorization server metadata (${parsed.error.issues[0]?.path.join('.') ?? 'shape'})`);
        continue;
      }
      if (parsed.data.issuer !== issuer) {
        problems.push(`${url.href} names issuer "${parsed.data.issuer}", not "${issuer}"`);
        continue;
      }
      return parsed.data;
    } catch (error) {
      problems.push(`${url.href} cannot be fetched (${(error as Error).message})`);
    }
  }
  throw new Error(`The authorization server ${issuer} cannot be discovered: ${problems.join('; ')}. Check MCP_AUTH_ISSUER.`);
}

/** Discovery that runs once when it succeeds, and again on the next call after it fails. */
export function cachedDiscovery(issuer: string, discover = discoverAuthorizationServer): () => Promise<AuthorizationServerMetadata> {
  return memoizePromise(() => discover(issuer), 'until-rejected');
}
