import { describe, expect, it } from 'vitest';
import type { SecretStore } from '../../src/core/secrets';
import { expectContractError } from './contract-error';
import { InMemorySecretStore } from './in-memory-secret-store';

describe('InMemorySecretStore (for other modules’ unit tests)', () => {
  it('behaves like the keychain store', async () => {
    const store: SecretStore = new InMemorySecretStore();
    await store.set('github', 'GITHUB_TOKEN', 'in-memory');
    expect(await store.has('github', 'GITHUB_TOKEN')).toBe(true);
    expect(await store.get('github', 'GITHUB_TOKEN')).toBe('in-memory');
    expect(await store.delete('github', 'GITHUB_TOKEN')).toBe(true);
    expect(await store.delete('github', 'GITHUB_TOKEN')).toBe(false);
    await expectContractError(store.set('github', 'GITHUB_TOKEN', ''), 'invalid_input');
    await expectContractError(store.get('Bad Id', 'X'), 'invalid_input');
  });

  it('can play a missing keychain', async () => {
    const store = new InMemorySecretStore({ unavailable: true, platform: 'linux' });
    const error = await expectContractError(store.set('github', 'GITHUB_TOKEN', 'never-kept'), 'unavailable');
    expect(error.message).toContain('gnome-keyring');
    expect(error.message).not.toContain('never-kept');
    await expectContractError(store.has('github', 'GITHUB_TOKEN'), 'unavailable');
  });
});
