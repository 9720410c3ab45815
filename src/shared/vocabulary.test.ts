import { describe, expect, it } from 'vitest';
import { ENV_NAME_PATTERN, keychainAccount, SERVER_ID_PATTERN } from './vocabulary';

describe('the shared vocabulary', () => {
  it('takes a server id of 1-63 lowercase letters, digits and dashes that starts with a letter or digit', () => {
    for (const id of ['a', '0', 'weather', 'my-server-2', 'a-', 'a'.repeat(63)]) expect(SERVER_ID_PATTERN.test(id), id).toBe(true);
    for (const id of ['', 'a'.repeat(64), 'A', 'Weather', '-x', 'x_y', 'x y', 'x.y', 'x/y']) expect(SERVER_ID_PATTERN.test(id), id).toBe(false);
  });

  it('takes an environment variable name of letters, digits and underscores that does not start with a digit', () => {
    for (const name of ['A', '_', 'API_KEY', 'api_key', 'X1']) expect(ENV_NAME_PATTERN.test(name), name).toBe(true);
    for (const name of ['', '1X', 'API-KEY', 'A B', 'A=B']) expect(ENV_NAME_PATTERN.test(name), name).toBe(false);
  });

  // Every secret a user already stored is found under this name: changing it would lose them all.
  it('keeps a secret under the account "<server>/<variable>"', () => {
    expect(keychainAccount('github', 'GITHUB_TOKEN')).toBe('github/GITHUB_TOKEN');
  });
});
