/** The MCP servers that ship inside MCP Tray, as the UI and the manager name them. */
export interface BundledServerInfo {
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
