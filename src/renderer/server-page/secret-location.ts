import { keychainAccount } from '../../shared/vocabulary';

/** Where a secret's value is kept, in words a person can look up in their keychain app. */
export function describeSecretLocation(serverId: string, name: string, keychainService: string | undefined): string {
  const account = keychainAccount(serverId, name);
  return keychainService === undefined
    ? `Kept in the system keychain, account "${account}".`
    : `Kept in the system keychain: service "${keychainService}", account "${account}".`;
}
