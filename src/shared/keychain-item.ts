/** The account name under which one server's secret is kept in the keychain, e.g. `github/GITHUB_TOKEN`. */
export function keychainAccount(serverId: string, name: string): string {
  return `${serverId}/${name}`;
}
