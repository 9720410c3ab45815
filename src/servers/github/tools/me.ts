import * as z from 'zod';
import { READS_GITHUB, defineGitHubTool, requestGitHub, toolResult, type GitHubTool, type GitHubToolContext } from '../tool-definition';

// GitHub Enterprise versions and proxies leave out fields github.com sends: null says "not reported".
const meOutput = {
  login: z.string(),
  name: z.string().nullable(),
  type: z.string().nullable().describe('"User", or "Bot" for an app token'),
  htmlUrl: z.string().nullable(),
  publicRepos: z.number().nullable(),
  privateRepos: z.number().nullable().describe('Only when the token may see them'),
  tokenScopes: z.array(z.string()).nullable().describe('Scopes of a classic token; null for fine-grained tokens'),
};

const getMeTool = defineGitHubTool({
  name: 'get_me',
  title: 'Who am I on GitHub',
  description:
    'The GitHub account the configured token belongs to: login, name, profile URL, repository counts and, for a classic token, its scopes. ' +
    'Use it to find the login for "my" repositories or issues, or to check that the token works.',
  inputSchema: {},
  outputSchema: meOutput,
  annotations: READS_GITHUB,
  needsToken: true,
  run: async (_args, context) => {
    const response = await requestGitHub(context, 'The signed-in user', (github) => github.rest.users.getAuthenticated());
    const user = response.data;
    const scopesHeader = response.headers['x-oauth-scopes'];
    const tokenScopes =
      typeof scopesHeader === 'string'
        ? scopesHeader
            .split(',')
            .map((scope) => scope.trim())
            .filter(Boolean)
        : null;
    const privateRepos = 'total_private_repos' in user && typeof user.total_private_repos === 'number' ? user.total_private_repos : null;
    const publicRepos = user.public_repos ?? null;
    const lines = [`Signed in to GitHub as ${user.login}${user.name ? ` (${user.name})` : ''}${user.type ? `, ${user.type}` : ''}.`];
    if (user.html_url) lines.push(`Profile: ${user.html_url}`);
    if (publicRepos !== null) lines.push(`Repositories: ${publicRepos} public${privateRepos !== null ? `, ${privateRepos} private` : ''}.`);
    if (tokenScopes) lines.push(`Token scopes: ${tokenScopes.length > 0 ? tokenScopes.join(', ') : 'none (public data only)'}.`);
    return toolResult(lines.join('\n'), {
      login: user.login,
      name: user.name ?? null,
      type: user.type ?? null,
      htmlUrl: user.html_url ?? null,
      publicRepos,
      privateRepos,
      tokenScopes,
    });
  },
});

export const meTools: readonly GitHubTool[] = [getMeTool];
