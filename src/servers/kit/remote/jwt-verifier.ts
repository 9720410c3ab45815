import { OAuthError, OAuthErrorCode, type AuthInfo, type OAuthTokenVerifier } from '@modelcontextprotocol/server';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { AuthorizationServerMetadata } from './authorization-server';
import { memoizePromise } from './memoize-promise';

export interface JwtVerifierSettings {
  issuer: string;
  /** The RFC 8707 resource this server is: tokens must name it in `aud`. */
  audience: string;
  /** Finds the issuer's JWKS; called once, and again after a failure. */
  discover: () => Promise<AuthorizationServerMetadata>;
}

/** Seconds of clock skew tolerated between this server and the issuer. */
const CLOCK_TOLERANCE_S = 30;

/**
 * Validates JWT access tokens locally against the issuer's JWKS: signature, issuer, expiry and audience.
 * The caller's identity is `sub`, or `client_id` for a token with no subject (client credentials).
 * Errors describe the token's problem, never the token.
 */
export class JwtAccessTokenVerifier implements OAuthTokenVerifier {
  private readonly jwks: () => Promise<ReturnType<typeof createRemoteJWKSet>>;

  constructor(private readonly settings: JwtVerifierSettings) {
    this.jwks = memoizePromise(
      () =>
        settings.discover().then(
          (metadata) => createRemoteJWKSet(new URL(metadata.jwks_uri)),
          (error: unknown) => {
            throw new OAuthError(OAuthErrorCode.ServerError, (error as Error).message);
          },
        ),
      'until-rejected',
    );
  }

  async verifyAccessToken(token: string): Promise<AuthInfo> {
    const payload = await this.verify(token);
    const subject = typeof payload.sub === 'string' && payload.sub !== '' ? payload.sub : stringClaim(payload, 'client_id');
    if (subject === undefined) {
      throw new OAuthError(OAuthErrorCode.InvalidToken, 'Token names neither a subject nor a client_id');
    }
    return {
      token,
      clientId: stringClaim(payload, 'client_id') ?? stringClaim(payload, 'azp') ?? subject,
      scopes: scopesOf(payload),
      expiresAt: payload.exp,
      // jwtVerify has checked that `aud` names this resource.
      resource: new URL(this.settings.audience),
      extra: { subject },
    };
  }

  private async verify(token: string): Promise<JWTPayload> {
    const keys = await this.jwks();
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        clockTolerance: CLOCK_TOLERANCE_S,
      });
      return payload;
    } catch (error) {
      throw describeJoseError(error);
    }
  }

}

function describeJoseError(error: unknown): OAuthError {
  if (error instanceof joseErrors.JWTExpired) return new OAuthError(OAuthErrorCode.InvalidToken, 'Token has expired');
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return new OAuthError(OAuthErrorCode.InvalidToken, 'Token was not issued for this resource');
    return new OAuthError(OAuthErrorCode.InvalidToken, `Token claim "${error.claim}" is not valid`);
  }
  if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JOSEError && error.code === 'ERR_JWKS_INVALID') {
    return new OAuthError(OAuthErrorCode.ServerError, "The authorization server's signing keys cannot be fetched right now");
  }
  if (error instanceof joseErrors.JOSEError) return new OAuthError(OAuthErrorCode.InvalidToken, 'Token is not valid');
  return new OAuthError(OAuthErrorCode.ServerError, "The authorization server's signing keys cannot be fetched right now");
}

function stringClaim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** RFC 9068 puts scopes in `scope` (space-separated); some issuers use an `scp` array. */
function scopesOf(payload: JWTPayload): string[] {
  if (typeof payload.scope === 'string') return payload.scope.split(' ').filter(Boolean);
  const scp = payload.scp;
  if (Array.isArray(scp)) return scp.filter((scope): scope is string => typeof scope === 'string');
  return [];
}
