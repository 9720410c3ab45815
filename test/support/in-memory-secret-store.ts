import { ContractError } from '../../src/shared/contract';
import { checkSecretValue, keychainUnavailableMessage, secretAccount, type SecretStore } from '../../src/core/secrets';

/**
 * Keeps secrets in a Map. For unit tests of OTHER modules only (AppCore, the CLI, the launcher) so they
 * can run without a keychain; the app itself never uses it, because a secret must live only in the keychain.
 * It validates exactly like the keychain store, and `{ unavailable: true }` makes every call fail the way a
 * missing keychain does.
 */
export class InMemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>();
  private readonly unavailable: boolean;
  private readonly platform: NodeJS.Platform;

  constructor(options: { unavailable?: boolean; platform?: NodeJS.Platform } = {}) {
    this.unavailable = options.unavailable ?? false;
    this.platform = options.platform ?? process.platform;
  }

  async get(serverId: string, name: string): Promise<string | undefined> {
    const account = this.reachableAccount(serverId, name);
    return this.values.get(account);
  }

  async set(serverId: string, name: string, value: string): Promise<void> {
    const account = secretAccount(serverId, name);
    const checkedValue = checkSecretValue(value, this.platform);
    this.failIfUnavailable();
    this.values.set(account, checkedValue);
  }

  async delete(serverId: string, name: string): Promise<boolean> {
    return this.values.delete(this.reachableAccount(serverId, name));
  }

  async has(serverId: string, name: string): Promise<boolean> {
    return this.values.has(this.reachableAccount(serverId, name));
  }

  /** Validates like the keychain store does, then fails like it would if the keychain were missing. */
  private reachableAccount(serverId: string, name: string): string {
    const account = secretAccount(serverId, name);
    this.failIfUnavailable();
    return account;
  }

  private failIfUnavailable(): void {
    if (this.unavailable) throw new ContractError('unavailable', keychainUnavailableMessage(this.platform, 'the keychain cannot be reached (simulated by InMemorySecretStore)'));
  }
}
