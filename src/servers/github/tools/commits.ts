import * as z from 'zod';
import { ownerField, pageOutputFields, pagingFields, pathField, refField, repoField, timestampField } from '../fields';
import { day, firstLine, plural, shortSha } from '../format';
import { describePage, pageInfo } from '../pagination';
import { READS_GITHUB, defineGitHubTool, requestGitHub, toolResult, type GitHubTool, type GitHubToolContext } from '../tool-definition';

// GitHub Enterprise versions and proxies leave out fields github.com sends: null says "not reported".
const commitOutput = z.object({
  sha: z.string(),
  message: z.string().describe('First line of the commit message'),
  author: z.string().describe('GitHub login, or the name in the commit when it is not linked to an account'),
  date: z.string().nullable(),
  htmlUrl: z.string().nullable(),
});

const AUTHOR_HINT = 'author must be a GitHub login such as "octocat" or an email address, on one line.';

const listCommitsTool = defineGitHubTool({
  name: 'list_commits',
  title: 'List commits',
  description:
    'Lists commits of a repository, newest first: SHA, first line of the message, author and date. ' +
    'Filter by branch, tag or SHA to start from (sha), by a file or folder (path), by author, and by time (since, until). Paged.',
  inputSchema: {
    owner: ownerField,
    repo: repoField,
    sha: refField.optional().describe('Branch, tag or commit SHA to list from; defaults to the default branch.'),
    path: pathField.describe('Only commits that touch this file or folder ("" for all).'),
    author: z
      .string({ error: AUTHOR_HINT })
      .trim()
      .min(1, { error: AUTHOR_HINT })
      .max(256, { error: AUTHOR_HINT })
      .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), { error: AUTHOR_HINT })
      .optional()
      .describe('Only commits by this GitHub login or email address.'),
    since: timestampField('since', 'Only commits after this time,').optional(),
    until: timestampField('until', 'Only commits before this time,').optional(),
    ...pagingFields,
  },
  outputSchema: { repository: z.string(), commits: z.array(commitOutput), ...pageOutputFields },
  annotations: READS_GITHUB,
  run: async ({ owner, repo, sha, path, author, since, until, page, perPage }, context) => {
    const repository = `${owner}/${repo}`;
    const trimmedPath = path.replace(/\/$/, '');
    const response = await requestGitHub(context, sha ? `Branch, tag or commit "${sha}" in ${repository}` : `Repository ${repository}`, (github) =>
      github.rest.repos.listCommits({ owner, repo, sha, path: trimmedPath || undefined, author, since, until, per_page: perPage, page }),
    );
    const commits = response.data.map((commit) => ({
      sha: commit.sha ?? '',
      message: firstLine(commit.commit?.message),
      author: commit.author?.login ?? commit.commit?.author?.name ?? 'unknown',
      date: commit.commit?.author?.date ?? commit.commit?.committer?.date ?? null,
      htmlUrl: commit.html_url ?? null,
    }));
    const info = pageInfo(page, perPage, response.headers);
    const filters = [sha && `from ${sha}`, trimmedPath && `touching ${trimmedPath}`, author && `by ${author}`, since && `since ${since}`, until && `until ${until}`]
      .filter(Boolean)
      .join(', ');
    const lines = [
      `Commits in ${repository}${filters ? ` (${filters})` : ''}: ${plural(commits.length, 'commit')} on this page.`,
      ...commits.map((commit) => `- ${shortSha(commit.sha)} ${day(commit.date)} ${commit.author}: ${commit.message}`),
      describePage(info),
    ];
    return toolResult(lines.join('\n'), { repository, commits, ...info });
  },
});

export const commitTools: readonly GitHubTool[] = [listCommitsTool];
