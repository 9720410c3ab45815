import { describe, expect, it } from 'vitest';
import type { SecretStore } from '../../src/core/secrets';
import { ContractError } from '../../src/shared/contract';
import { InMemorySecretStore } from './in-memory-secret-store';

async function expectContractError(promise: Promise<unknown>, code: string): Promise<ContractError> {
  const error = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(ContractError);
  expect((error as ContractError).code).toBe(code);
  return error as ContractError;
}

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
