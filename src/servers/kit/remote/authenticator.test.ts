import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalIssuer, type LocalIssuer } from '../../../../test/servers/fixtures/local-issuer';
import { readRemoteAuth, type RemoteAuth } from './auth-config';

const AUDIENCE = 'https://mcp.example.test/mcp';
const KEY = 'canary-key-7f3a9c1e5b2d4f60';
let issuer: LocalIssuer;
let auth: RemoteAuth;

beforeAll(async () => {
  issuer = await startLocalIssuer();
  auth = readRemoteAuth({
    MCP_AUTH_ISSUER: issuer.issuer,
    MCP_AUTH_AUDIENCE: AUDIENCE,
    MCP_AUTH_SCOPES: 'mcp:tools',
    MCP_AUTH_TOKENS: `ci:${KEY}`,
  });
});
afterAll(() => issuer.close());

async function refusal(authorization: string | undefined) {
  const outcome = await auth.authenticator.authenticate(authorization);
  if (outcome.ok) throw new Error('expected a refusal');
  const body = await outcome.response.text();
  return { status: outcome.response.status, challenge: outcome.response.headers.get('www-authenticate') ?? '', body };
}

describe('Authenticator with OAuth and API keys', () => {
  it('names the caller by sub, or by client_id for a token without a subject', async () => {
    const bySubject = await auth.authenticator.authenticate(`Bearer ${await issuer.sign({ sub: 'user-1', aud: AUDIENCE, scope: 'mcp:tools' })}`);
    expect(bySubject).toMatchObject({ ok: true, caller: { id: 'oauth:user-1', kind: 'oauth', metricLabel: 'oauth' } });
    const byClient = await auth.authenticator.authenticate(`Bearer ${await issuer.sign({ client_id: 'robot', aud: AUDIENCE, scope: 'mcp:tools' })}`);
    expect(byClient).toMatchObject({ ok: true, caller: { id: 'oauth:robot' } });
  });

  it('accepts a named API key alongside OAuth, labelled by its name', async () => {
    expect(await auth.authenticator.authenticate(`Bearer ${KEY}`)).toMatchObject({
      ok: true,
      caller: { id: 'key:ci', kind: 'api-key', metricLabel: 'ci' },
    });
  });

  it('answers 401 with a challenge that points at the protected resource metadata', async () => {
    const metadataUrl = 'https://mcp.example.test/.well-known/oauth-protected-resource/mcp';
    for (const header of [undefined, 'Bearer not-a-token', `Basic ${KEY}`]) {
      const { status, challenge } = await refusal(header);
      expect(status).toBe(401);
      expect(challenge).toContain('error="invalid_token"');
      expect(challenge).toContain(`resource_metadata="${metadataUrl}"`);
    }
  });

  it('refuses an expired token, a token for another audience and a token signed by another key', async () => {
    const expired = await issuer.sign({ sub: 'u', aud: AUDIENCE, scope: 'mcp:tools' }, { expiresIn: Math.floor(Date.now() / 1000) - 120 });
    expect(await refusal(`Bearer ${expired}`)).toMatchObject({ status: 401, challenge: expect.stringContaining('Token has expired') });
    const elsewhere = await issuer.sign({ sub: 'u', aud: 'https://other.example.test/mcp', scope: 'mcp:tools' });
    expect(await refusal(`Bearer ${elsewhere}`)).toMatchObject({ status: 401, challenge: expect.stringContaining('not issued for this resource') });
    const forged = await issuer.sign({ sub: 'u', aud: AUDIENCE, scope: 'mcp:tools' }, { key: 'stranger' });
    expect(await refusal(`Bearer ${forged}`)).toMatchObject({ status: 401 });
    const wrongIssuer = await issuer.sign({ sub: 'u', aud: AUDIENCE, scope: 'mcp:tools', iss: 'https://evil.example.test' });
    expect(await refusal(`Bearer ${wrongIssuer}`)).toMatchObject({ status: 401 });
  });

  it('answers 403 insufficient_scope to a valid token without the required scope', async () => {
    const token = await issuer.sign({ sub: 'u', aud: AUDIENCE, scope: 'profile' });
    const { status, challenge } = await refusal(`Bearer ${token}`);
    expect(status).toBe(403);
    expect(challenge).toContain('error="insufficient_scope"');
    expect(challenge).toContain('scope="mcp:tools"');
  });

  it('never repeats the presented token in a refusal', async () => {
    const token = await issuer.sign({ sub: 'u', aud: 'https://other.example.test/mcp' });
    for (const header of [`Bearer ${token}`, `Bearer ${KEY}x`]) {
      const { challenge, body } = await refusal(header);
      expect(challenge + body).not.toContain(header.slice(7));
    }
  });

  it('serves RFC 9728 metadata naming the issuer, the resource and its scopes', async () => {
    const resource = auth.protectedResource;
    expect(resource?.serves('/.well-known/oauth-protected-resource')).toBe(true);
    expect(resource?.serves('/.well-known/oauth-protected-resource/mcp')).toBe(true);
    expect(await resource?.document()).toMatchObject({
      resource: AUDIENCE,
      authorization_servers: [issuer.issuer],
      scopes_supported: ['mcp:tools'],
      bearer_methods_supported: ['header'],
    });
  });
});

describe('readRemoteAuth', () => {
  it('lets every request through as anonymous when nothing is configured', async () => {
    const { authenticator } = readRemoteAuth({});
    expect(authenticator.configured).toBe(false);
    expect(await authenticator.authenticate(undefined)).toMatchObject({ ok: true, caller: { id: 'anonymous' } });
  });

  it('answers 401 without resource_metadata when only API keys are set', async () => {
    const { authenticator } = readRemoteAuth({ MCP_AUTH_TOKENS: `ci:${KEY}` });
    const outcome = await authenticator.authenticate('Bearer wrong-key-0000000000000');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.response.status).toBe(401);
      expect(outcome.response.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
      expect(outcome.response.headers.get('www-authenticate')).not.toContain('resource_metadata');
    }
  });

  it('refuses an issuer without an audience, and an audience that is not a URL', () => {
    expect(() => readRemoteAuth({ MCP_AUTH_ISSUER: 'https://as.example.test' })).toThrow(/go together/);
    expect(() => readRemoteAuth({ MCP_AUTH_ISSUER: 'https://as.example.test', MCP_AUTH_AUDIENCE: 'mcp' })).toThrow(/MCP_AUTH_AUDIENCE must be an absolute https URL/);
  });

  it('answers a server error, not a crash, while the issuer cannot be discovered', async () => {
    const { authenticator } = readRemoteAuth({ MCP_AUTH_ISSUER: 'http://127.0.0.1:9', MCP_AUTH_AUDIENCE: AUDIENCE });
    const outcome = await authenticator.authenticate('Bearer a.b.c');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.response.status).toBe(500);
  });
});
