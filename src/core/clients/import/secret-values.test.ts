import { describe, expect, it } from 'vitest';
import { argumentsWithTokens, maskedHint, secretReason } from './secret-values';
import { freeId, idFromName } from './server-ids';

describe('which imported values are secrets', () => {
  it('counts a name when one whole underscore-separated word is a credential word', () => {
    for (const name of ['GITHUB_TOKEN', 'API_KEY', 'CLIENT_SECRET', 'DB_PASSWORD', 'SMTP_PASSWD', 'GITLAB_PAT', 'token']) expect(secretReason(name, 'x'), name).toBe('name');
    for (const name of ['PATH', 'PYTHONPATH', 'KEYCHAIN_DIR', 'TOKENIZER', 'LOG_LEVEL', 'PATHS']) expect(secretReason(name, 'plain'), name).toBeNull();
  });

  it('counts a value with a known token shape whatever its name', () => {
    expect(secretReason('GH', `ghp_${'a'.repeat(36)}`)).toBe('shape');
    expect(secretReason('HEADERS', 'Authorization: Bearer abcdefgh12345')).toBe('shape');
    expect(secretReason('DATABASE_URL', 'postgres://admin:hunter2pass@db/x')).toBe('url');
    expect(secretReason('DATABASE_URL', 'postgres://db/x')).toBeNull();
    expect(secretReason('PATH', '/usr/bin:/bin')).toBeNull();
  });

  it('masks a value down to a few leading characters and its length', () => {
    expect(maskedHint(`ghp_${'a'.repeat(36)}`)).toBe('ghp_… (40 characters)');
    expect(maskedHint('short')).toBe('… (5 characters)');
  });

  it('finds the arguments that carry a token', () => {
    expect(argumentsWithTokens(['-y', '@scope/server', '--api-key', 'abc123'])).toEqual([4]);
    expect(argumentsWithTokens(['--token=abc123', '--verbose'])).toEqual([1]);
    expect(argumentsWithTokens(['https://example.com/mcp?api_key=abc'])).toEqual([1]);
    expect(argumentsWithTokens([`ghp_${'b'.repeat(36)}`])).toEqual([1]);
    expect(argumentsWithTokens(['-y', '@modelcontextprotocol/server-filesystem', '/home/ada', '--token-file', '/x'])).toEqual([]);
  });
});

describe('server ids from client names', () => {
  it('makes a valid id of any name', () => {
    expect(idFromName('GitHub MCP')).toBe('github-mcp');
    expect(idFromName('@scope/server_x')).toBe('scope-server-x');
    expect(idFromName('日本')).toBe('server');
    expect(idFromName('x'.repeat(100))).toHaveLength(63);
  });

  it('suffixes an id that is taken', () => {
    expect(freeId('github', new Set(['github']))).toBe('github-2');
    expect(freeId('github', new Set(['github', 'github-2']))).toBe('github-3');
    expect(freeId('a'.repeat(63), new Set(['a'.repeat(63)]))).toBe(`${'a'.repeat(61)}-2`);
  });
});
