import * as z from 'zod';
import { listStateField, numberField, ownerField, pageOutputFields, pagingFields, refField, repoField } from '../fields';
import { day, plural, userLogin } from '../format';
import { describePage, pageInfo } from '../pagination';
import { READS_GITHUB, defineGitHubTool, requestGitHub, toolResult, type GitHubTool, type GitHubToolContext } from '../tool-definition';
import { isValidOwner, isValidRef } from '../validation';
import { branches, loadPullRequest, pullRequestDetailsOutput, pullRequestText } from './pull-request-details';

const HEAD_HINT = 'head must be a branch name such as "feature-x", or "owner:branch" for a branch in a fork, e.g. "octocat:feature-x".';

// GitHub Enterprise versions and proxies leave out fields github.com sends: null says "not reported".
const pullRequestSummaryOutput = z.object({
  number: z.number(),
  title: z.string(),
  state: z.string().nullable(),
  draft: z.boolean(),
  author: z.string(),
  base: z.string().nullable(),
  head: z.string().nullable(),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  mergedAt: z.string().nullable(),
  htmlUrl: z.string().nullable(),
});

/** "branch" or "owner:branch"; GitHub's head filter wants the owner, so a bare branch gets the repository owner. */
function isValidHead(head: string): boolean {
  const separator = head.indexOf(':');
  if (separator === -1) return isValidRef(head);
  return isValidOwner(head.slice(0, separator)) && isValidRef(head.slice(separator + 1));
}

const listPullRequestsTool = defineGitHubTool({
  name: 'list_pull_requests',
  title: 'List pull requests',
  description:
    'Lists pull requests of a repository: number, title, state, draft, author, branches and dates. ' +
    'Filter by state, head branch ("branch" or "owner:branch") and base branch; sort by created, updated, popularity or long-running. Paged.',
  inputSchema: {
    owner: ownerField,
    repo: repoField,
    state: listStateField('"open" (default), "closed" (including merged) or "all".'),
    head: z.string({ error: HEAD_HINT }).trim().refine(isValidHead, { error: HEAD_HINT }).optional().describe('Only pull requests from this branch.'),
    base: refField.optional().describe('Only pull requests into this branch, e.g. "main".'),
    sort: z
      .enum(['created', 'updated', 'popularity', 'long-running'], { error: 'sort must be "created" (default), "updated", "popularity" or "long-running".' })
      .default('created')
      .describe('"created" (default), "updated", "popularity" (comments) or "long-running".'),
    direction: z.enum(['desc', 'asc'], { error: 'direction must be "desc" (default) or "asc".' }).default('desc').describe('"desc" (default) or "asc".'),
    ...pagingFields,
  },
  outputSchema: { repository: z.string(), pullRequests: z.array(pullRequestSummaryOutput), ...pageOutputFields },
  annotations: READS_GITHUB,
  run: async ({ owner, repo, state, head, base, sort, direction, page, perPage }, context) => {
    const repository = `${owner}/${repo}`;
    const headFilter = head && !head.includes(':') ? `${owner}:${head}` : head;
    const response = await requestGitHub(context, `Repository ${repository}`, (github) =>
      github.rest.pulls.list({ owner, repo, state, head: headFilter, base, sort, direction, per_page: perPage, page }),
    );
    const pullRequests = response.data.map((pull) => ({
      number: pull.number ?? 0,
      title: pull.title ?? '',
      state: pull.state ?? null,
      draft: pull.draft ?? false,
      author: userLogin(pull.user),
      base: pull.base?.ref ?? null,
      head: pull.head?.label ?? null,
      createdAt: pull.created_at ?? null,
      updatedAt: pull.updated_at ?? null,
      mergedAt: pull.merged_at ?? null,
      htmlUrl: pull.html_url ?? null,
    }));
    const info = pageInfo(page, perPage, response.headers);
    const lines = [
      `${state === 'all' ? 'All' : state === 'open' ? 'Open' : 'Closed'} pull requests in ${repository}: ${plural(pullRequests.length, 'pull request')} on this page.`,
      ...pullRequests.map((pull) => {
        const status = pull.mergedAt ? 'merged' : (pull.state ?? 'state not reported');
        return `- #${pull.number} [${status}${pull.draft ? ', draft' : ''}] ${pull.title} (${branches(pull.head, pull.base)}) by ${pull.author}, updated ${day(pull.updatedAt)}`;
      }),
      describePage(info),
    ];
    return toolResult(lines.join('\n'), { repository, pullRequests, ...info });
  },
});

const getPullRequestTool = defineGitHubTool({
  name: 'get_pull_request',
  title: 'Get a pull request',
  description:
    'Reads one pull request: title, description, state (open, closed, merged, draft), branches, mergeability, size, ' +
    'and its changed files with status and added/deleted line counts (first 100 files).',
  inputSchema: { owner: ownerField, repo: repoField, number: numberField('pull request') },
  outputSchema: pullRequestDetailsOutput,
  annotations: READS_GITHUB,
  run: async ({ owner, repo, number }, context) => {
    const details = await loadPullRequest(context, owner, repo, number);
    return toolResult(pullRequestText(details), details);
  },
});

export const pullRequestTools: readonly GitHubTool[] = [listPullRequestsTool, getPullRequestTool];
