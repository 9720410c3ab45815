import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './content-security-policy';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  it('denies everything by default and allows only our own scripts, with no inline or eval', () => {
    const policy = directives(contentSecurityPolicy({ kind: 'bundled' }));
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy({ kind: 'bundled' })).not.toMatch(/unsafe-eval/);
  });

  it('loads nothing from the network, and cannot be framed, framed in, or redirected by <base> or forms', () => {
    const text = contentSecurityPolicy({ kind: 'bundled' });
    expect(text).not.toMatch(/https?:|\*/);
    const policy = directives(text);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    for (const name of ['object-src', 'frame-src', 'frame-ancestors', 'base-uri', 'form-action']) {
      expect(policy.get(name), name).toEqual(["'none'"]);
    }
  });

  it('lets tool results show data: images and audio', () => {
    const policy = directives(contentSecurityPolicy({ kind: 'bundled' }));
    expect(policy.get('img-src')).toContain('data:');
    expect(policy.get('media-src')).toContain('data:');
  });

  it('in development, allows only what Vite needs: its inline preamble and its hot-reload socket', () => {
    const policy = directives(contentSecurityPolicy({ kind: 'dev-server', origin: 'http://localhost:5173' }));
    expect(policy.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
  });
});
