import * as z from 'zod';
import { ToolFailure } from '../../kit/errors';
import { MISSING_TOKEN_MESSAGE } from '../errors';
import { ownerField, pageOutputFields, pagingFields } from '../fields';
import { plural } from '../format';
import { describePage, pageInfo } from '../pagination';
import { READS_GITHUB, defineGitHubTool, requestGitHub, toolResult, type GitHubTool, type GitHubToolContext } from '../tool-definition';
import { repositoryLine, repositorySummaryOutput, summarizeRepository } from './repository-summary';

const sortField = z
  .enum(['updated', 'pushed', 'created', 'full_name'], { error: 'sort must be "updated", "pushed", "created" or "full_name".' })
  .default('updated')
  .describe('"updated" (default), "pushed", "created" or "full_name" (alphabetical).');

const listRepositoriesTool = defineGitHubTool({
  name: 'list_repositories',
  title: 'List repositories',
  description:
    'Lists repositories. Without owner: the signed-in user\'s own, collaborator and organization repositories (public and private; needs a token). ' +
    'With owner: the repositories of that user or organization that the token can see. Paged (page, perPage).',
  inputSchema: { owner: ownerField.optional(), sort: sortField, ...pagingFields },
  outputSchema: { owner: z.string().nullable(), repositories: z.array(repositorySummaryOutput), ...pageOutputFields },
  annotations: READS_GITHUB,
  run: async ({ owner, sort, page, perPage }, context) => {
    const direction = sort === 'full_name' ? 'asc' : 'desc';
    const response = owner ? await listOwnerRepositories(context, owner, sort, direction, page, perPage) : await listMyRepositories(context, sort, direction, page, perPage);
    const repositories = response.data.map(summarizeRepository);
    const info = pageInfo(page, perPage, response.headers);
    const whose = owner ? `Repositories of ${owner}` : 'Your repositories';
    const lines = [`${whose}: ${plural(repositories.length, 'repository', 'repositories')} on this page.`, ...repositories.map(repositoryLine), describePage(info)];
    return toolResult(lines.join('\n'), { owner: owner ?? null, repositories, ...info });
  },
});

export const repositoryTools: readonly GitHubTool[] = [listRepositoriesTool];

async function listMyRepositories(context: GitHubToolContext, sort: 'updated' | 'pushed' | 'created' | 'full_name', direction: 'asc' | 'desc', page: number, perPage: number) {
  if (!context.config.token) {
    throw new ToolFailure(
      `Listing your own repositories needs a GitHub token; to list someone's public repositories, pass owner. ${MISSING_TOKEN_MESSAGE}`,
      'missing_secret',
    );
  }
  return requestGitHub(context, 'Your repository list', (github) =>
    github.rest.repos.listForAuthenticatedUser({ sort, direction, per_page: perPage, page }),
  );
}

/** GitHub lists an organization's private repositories only under /orgs, and a user's only under /users. */
async function listOwnerRepositories(
  context: GitHubToolContext,
  owner: string,
  sort: 'updated' | 'pushed' | 'created' | 'full_name',
  direction: 'asc' | 'desc',
  page: number,
  perPage: number,
) {
  const subject = `User or organization "${owner}"`;
  try {
    return await requestGitHub(context, subject, (github) => github.rest.repos.listForOrg({ org: owner, type: 'all', sort, direction, per_page: perPage, page }));
  } catch (error) {
    if (!(error instanceof ToolFailure) || error.kind !== 'not_found') throw error;
  }
  return requestGitHub(context, subject, (github) => github.rest.repos.listForUser({ username: owner, type: 'owner', sort, direction, per_page: perPage, page }));
}
