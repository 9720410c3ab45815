import * as z from 'zod';
import { pageOutputFields, pagingFields, searchQueryField } from '../fields';
import { plural } from '../format';
import { describePage, pageInfo, type PageInfo } from '../pagination';
import { READS_GITHUB, defineGitHubTool, requestGitHub, toolResult, type GitHubTool, type GitHubToolContext } from '../tool-definition';
import { issueLine, issueSummaryOutput, summarizeIssue } from './issue-summary';
import { repositoryLine, repositorySummaryOutput, summarizeRepository } from './repository-summary';

const orderField = z
  .enum(['desc', 'asc'], { error: 'order must be "desc" (default) or "asc".' })
  .default('desc')
  .describe('"desc" (default) or "asc"; only used together with sort.');

// GitHub Enterprise versions and proxies leave out fields github.com sends: null says "not reported".
const searchOutputFields = {
  query: z.string(),
  totalCount: z.number().nullable().describe('All matches GitHub found, not just this page'),
  incompleteResults: z.boolean().describe('True when GitHub stopped searching early (the count may be low)'),
  ...pageOutputFields,
};

const searchRepositoriesTool = defineGitHubTool({
  name: 'search_repositories',
  title: 'Search repositories',
  description:
    'Searches GitHub repositories with GitHub search syntax, e.g. "mcp server language:typescript stars:>100" or "org:github topic:cli". ' +
    'Reports the total number of matches and one page of repositories.',
  inputSchema: {
    query: searchQueryField('"mcp server language:typescript" or "user:octocat"'),
    sort: z
      .enum(['stars', 'forks', 'help-wanted-issues', 'updated'], { error: 'sort must be "stars", "forks", "help-wanted-issues" or "updated".' })
      .optional()
      .describe('Leave out for best match; or "stars", "forks", "help-wanted-issues", "updated".'),
    order: orderField,
    ...pagingFields,
  },
  outputSchema: { ...searchOutputFields, repositories: z.array(repositorySummaryOutput) },
  annotations: READS_GITHUB,
  run: async ({ query, sort, order, page, perPage }, context) => {
    const response = await requestGitHub(context, `Repository search for "${query}"`, (github) =>
      github.rest.search.repos({ q: query, sort, order, per_page: perPage, page }),
    );
    const repositories = (response.data.items ?? []).map(summarizeRepository);
    const info = pageInfo(page, perPage, response.headers);
    const text = searchText('repository', 'repositories', query, response.data, info, repositories.map(repositoryLine));
    return toolResult(text, { query, ...searchCounts(response.data), repositories, ...info });
  },
});

const searchIssuesTool = defineGitHubTool({
  name: 'search_issues',
  title: 'Search issues and pull requests',
  description:
    'Searches issues and pull requests across GitHub with GitHub search syntax, e.g. "repo:octocat/hello-world is:issue is:open label:bug", ' +
    '"author:octocat is:pr is:merged" or "involves:@me is:open". Reports the total number of matches and one page of results.',
  inputSchema: {
    query: searchQueryField('"repo:octocat/hello-world is:open crash" or "is:pr author:octocat"'),
    sort: z
      .enum(['comments', 'reactions', 'created', 'updated'], { error: 'sort must be "comments", "reactions", "created" or "updated".' })
      .optional()
      .describe('Leave out for best match; or "comments", "reactions", "created", "updated".'),
    order: orderField,
    ...pagingFields,
  },
  outputSchema: { ...searchOutputFields, issues: z.array(issueSummaryOutput) },
  annotations: READS_GITHUB,
  run: async ({ query, sort, order, page, perPage }, context) => {
    const response = await requestGitHub(context, `Issue search for "${query}"`, (github) =>
      github.rest.search.issuesAndPullRequests({ q: query, sort, order, per_page: perPage, page }),
    );
    const issues = (response.data.items ?? []).map((issue) => summarizeIssue(issue));
    const info = pageInfo(page, perPage, response.headers);
    const lines = issues.map((issue) => issueLine(issue, true));
    const text = searchText('issue or pull request', 'issues and pull requests', query, response.data, info, lines);
    return toolResult(text, { query, ...searchCounts(response.data), issues, ...info });
  },
});

const searchCodeTool = defineGitHubTool({
  name: 'search_code',
  title: 'Search code',
  description:
    'Searches file contents on GitHub\'s default branches with GitHub code search syntax, e.g. "createServer repo:octocat/hello-world", ' +
    '"useState language:tsx org:github" or "filename:package.json express". Needs a token on github.com. ' +
    'Returns matching files (repository, path, URL); read one with get_file_contents.',
  inputSchema: { query: searchQueryField('"createServer repo:octocat/hello-world" or "filename:Dockerfile node"'), ...pagingFields },
  outputSchema: {
    ...searchOutputFields,
    files: z.array(z.object({ repository: z.string().nullable(), path: z.string(), sha: z.string().nullable(), htmlUrl: z.string().nullable() })),
  },
  annotations: READS_GITHUB,
  run: async ({ query, page, perPage }, context) => {
    const response = await requestGitHub(context, `Code search for "${query}"`, (github) =>
      github.rest.search.code({ q: query, per_page: perPage, page }),
    );
    const files = (response.data.items ?? []).map((item) => ({
      repository: item.repository?.full_name ?? null,
      path: item.path ?? item.name ?? '',
      sha: item.sha ?? null,
      htmlUrl: item.html_url ?? null,
    }));
    const info = pageInfo(page, perPage, response.headers);
    const lines = files.map((file) => `- ${file.repository ?? 'unknown repository'}: ${file.path}${file.htmlUrl ? ` (${file.htmlUrl})` : ''}`);
    const text = searchText('file', 'files', query, response.data, info, lines);
    return toolResult(text, { query, ...searchCounts(response.data), files, ...info });
  },
});

export const searchTools: readonly GitHubTool[] = [searchRepositoriesTool, searchIssuesTool, searchCodeTool];

interface SearchCounts {
  total_count?: number | null;
  incomplete_results?: boolean | null;
}

function searchCounts(data: SearchCounts): { totalCount: number | null; incompleteResults: boolean } {
  return { totalCount: data.total_count ?? null, incompleteResults: data.incomplete_results ?? false };
}

function searchText(singular: string, pluralForm: string, query: string, counts: SearchCounts, info: PageInfo, lines: string[]): string {
  const incomplete = counts.incomplete_results ? ' (GitHub stopped early, so there may be more)' : '';
  const found = typeof counts.total_count === 'number' ? `Found ${plural(counts.total_count, singular, pluralForm)}` : `Found ${pluralForm}`;
  const header = `${found} for "${query}"${incomplete}; ${lines.length} on this page.`;
  return [header, ...lines, describePage(info)].join('\n');
}
