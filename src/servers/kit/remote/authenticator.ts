import {
  bearerAuthChallengeResponse,
  OAuthError,
  OAuthErrorCode,
  verifyBearerToken,
  type AuthInfo,
  type OAuthTokenVerifier,
} from '@modelcontextprotocol/server';
import type { ApiKeyRing } from './api-keys';
import { ANONYMOUS_CALLER, apiKeyCaller, oauthCaller, type Caller } from './caller';
import type { JwtAccessTokenVerifier } from './jwt-verifier';
import type { ProtectedResource } from './protected-resource';

export interface OAuthResourceServer {
  verifier: JwtAccessTokenVerifier;
  resource: ProtectedResource;
  /** The RFC 8707 resource tokens must be issued for. */
  audience: URL;
  requiredScopes: string[];
}

export type AuthOutcome = { ok: true; caller: Caller; authInfo?: AuthInfo } | { ok: false; response: Response };

/** API keys never expire on their own; the SDK's bearer check wants an expiry, so each check gets a fresh one. */
const API_KEY_VALIDITY_S = 3600;
const API_KEY_MARK = 'apiKey';

/**
 * Decides who a request comes from: a named API key, an OAuth access token, or (with neither
 * configured) the anonymous loopback caller. Refusals are the SDK's RFC 6750 challenges: 401
 * `invalid_token` or 403 `insufficient_scope`, with `resource_metadata` when OAuth is on
 * (MCP 2026-07-28, Basic > Authorization > "Protected Resource Metadata Discovery Requirements").
 */
export class Authenticator {
  readonly configured: boolean;

  constructor(
    private readonly apiKeys: ApiKeyRing | undefined,
    private readonly oauth: OAuthResourceServer | undefined,
  ) {
    this.configured = apiKeys !== undefined || oauth !== undefined;
  }

  get resourceMetadataUrl(): string | undefined {
    return this.oauth?.resource.metadataUrl;
  }

  async authenticate(authorization: string | undefined): Promise<AuthOutcome> {
    if (!this.configured) return { ok: true, caller: ANONYMOUS_CALLER };
    const options = {
      verifier: this.verifier,
      requiredScopes: this.oauth?.requiredScopes ?? [],
      expectedResource: this.oauth?.audience,
      resourceMetadataUrl: this.resourceMetadataUrl,
    };
    try {
      const authInfo = await verifyBearerToken(authorization, options);
      const keyName = authInfo.extra?.[API_KEY_MARK];
      if (typeof keyName === 'string') return { ok: true, caller: apiKeyCaller(keyName), authInfo };
      return { ok: true, caller: oauthCaller(String(authInfo.extra?.subject ?? authInfo.clientId)), authInfo };
    } catch (error) {
      return { ok: false, response: bearerAuthChallengeResponse(error, options) };
    }
  }

  private readonly verifier: OAuthTokenVerifier = {
    verifyAccessToken: async (token) => {
      const keyName = this.apiKeys?.identify(token);
      if (keyName !== undefined) {
        return {
          token,
          clientId: keyName,
          // A key grants everything this server offers.
          scopes: this.oauth?.requiredScopes ?? [],
          expiresAt: Math.floor(Date.now() / 1000) + API_KEY_VALIDITY_S,
          resource: this.oauth?.audience,
          extra: { [API_KEY_MARK]: keyName },
        };
      }
      if (this.oauth) return this.oauth.verifier.verifyAccessToken(token);
      throw new OAuthError(OAuthErrorCode.InvalidToken, 'Unknown API key');
    },
  };
}
