import { describe, expect, it } from 'vitest';
import { createRedactor } from './redact';

describe('createRedactor', () => {
  it('replaces injected secret values wherever they appear', () => {
    const redact = createRedactor(['s3cr3t-value']);
    expect(redact('{"msg":"token is s3cr3t-value and s3cr3t-value"}')).toBe('{"msg":"token is [redacted] and [redacted]"}');
  });

  it('replaces GitHub token shapes and bearer credentials without being told them', () => {
    const redact = createRedactor();
    expect(redact(`ghp_${'a'.repeat(36)}`)).toBe('[redacted]');
    expect(redact(`github_pat_${'B1_'.repeat(20)}`)).toBe('[redacted]');
    expect(redact(`gho_${'c'.repeat(36)} x`)).toBe('[redacted] x');
    expect(redact('Authorization: Bearer abcdefgh12345')).toBe('Authorization: [redacted]');
    expect(redact('"authorization":"token abcdefgh12345"')).toBe('"authorization":"[redacted]"');
  });

  it('catches every shape in any case the shape allows, however it is surrounded', () => {
    const redact = createRedactor();
    for (const prefix of ['ghp', 'gho', 'ghu', 'ghs', 'ghr']) expect(redact(`x=${prefix}_${'Z9'.repeat(15)};`)).toBe('x=[redacted];');
    expect(redact('BEARER abcdefgh12345')).toBe('BEARER [redacted]');
    expect(redact('curl -H "AUTHORIZATION=basic dXNlcjpwYXNz"')).toBe('curl -H "AUTHORIZATION=[redacted]"');
  });

  it('leaves ordinary prose alone', () => {
    const redact = createRedactor(['ab']);
    const text = 'GitHub token rejected: create a new token and set it in MCP Tray (about 3 min).';
    expect(redact(text)).toBe(text);
  });
});
