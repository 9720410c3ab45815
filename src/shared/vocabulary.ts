/**
 * The words every process agrees on: how a server id and an environment variable name look, where a
 * secret is kept in the keychain, and which servers ship inside MCP Tray. No imports on purpose: the
 * launcher loads this before every client-started server, and the renderer, the contract and the
 * core read the same rules from here.
 */

/** A server id: 1-63 lowercase letters, digits and dashes, starting with a letter or digit. */
export const SERVER_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const SERVER_ID_RULE = 'A server id is 1-63 lowercase letters, digits and dashes, starting with a letter or digit (e.g. "memory").';

/** An environment variable name: letters, digits and underscores, not starting with a digit. */
export const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const ENV_NAME_RULE = 'An environment variable name is letters, digits and underscores, not starting with a digit (e.g. "API_KEY").';

/** The keychain service every secret is stored under, unless MCP_TRAY_KEYCHAIN_SERVICE names another. */
export const DEFAULT_KEYCHAIN_SERVICE = 'MCP Tray';

/** The account name under which one server's secret is kept in the keychain, e.g. `github/GITHUB_TOKEN`. */
export function keychainAccount(serverId: string, name: string): string {
  return `${serverId}/${name}`;
}

/** The MCP servers that ship inside MCP Tray, as the UI and the manager name them. */
interface BundledServerInfo {
  id: 'weather' | 'github';
  name: string;
  description: string;
  /** Environment variables the server reads from the keychain rather than from settings. */
  secretEnv: readonly string[];
  /** What still works, and what does not, while a secret is not set. */
  withoutSecrets?: string;
}

export const BUNDLED_SERVERS: readonly BundledServerInfo[] = [
  {
    id: 'weather',
    name: 'Weather',
    description: 'Current weather, forecasts and place search from Open-Meteo. No key needed.',
    secretEnv: [],
  },
  {
    id: 'github',
    name: 'GitHub',
    description: 'Repositories, files, issues, pull requests, commits and code search through the GitHub API.',
    secretEnv: ['GITHUB_TOKEN'],
    withoutSecrets:
      "Without a token, public repositories can still be read, at GitHub's lower rate limit for anonymous requests (60 an hour). " +
      'Private repositories and the tools that write (create_issue, update_issue, add_issue_comment) need it.',
  },
];
