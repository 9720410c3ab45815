import { describe, expect, it } from 'vitest';
import { callTool, listOf, useGitHubHarness } from './fixtures/github-harness';

// Octokit spaces searches 2 s apart within one process (GitHub's advice against secondary limits),
// so each test gets its own server instead of waiting on the one before.
describe('github server: search tools', () => {
  const github = useGitHubHarness({ sharedServer: false });

  it('search_repositories reports the total count, one page of repositories and whether there is a next page', async () => {
    const server = await github.startServerForTest();
    const answer = await callTool(server, 'search_repositories', { query: 'user:octocat', sort: 'stars', perPage: 2 });
    expect(answer.isError).toBe(false);
    expect(answer.structured).toMatchObject({ query: 'user:octocat', totalCount: 4, incompleteResults: false, page: 1, perPage: 2, hasNextPage: true });
    expect(listOf(answer, 'repositories').map((repo) => repo.fullName)).toEqual(['octocat/Spoon-Knife', 'octocat/hello-world']);
    expect(answer.text.split('\n')[0]).toBe('Found 4 repositories for "user:octocat"; 2 on this page.');
    expect(answer.text).toContain('there is a next page (call again with page 2)');
    const query = github.fake.requestsTo('/search/repositories')[0]!.url.searchParams;
    expect(Object.fromEntries(query)).toMatchObject({ q: 'user:octocat', sort: 'stars', order: 'desc', per_page: '2', page: '1' });
  });

  it('search_issues finds issues and pull requests across repositories and marks pull requests', async () => {
    const server = await github.startServerForTest();
    const answer = await callTool(server, 'search_issues', { query: 'repo:octocat/hello-world is:pr' });
    expect(answer.isError).toBe(false);
    expect(answer.structured).toMatchObject({ totalCount: 2, hasNextPage: false });
    const issues = listOf(answer, 'issues');
    expect(issues.map((issue) => [issue.repository, issue.number, issue.isPullRequest])).toEqual([
      ['octocat/hello-world', 2, true],
      ['octocat/hello-world', 5, true],
    ]);
    expect(answer.text).toContain('- octocat/hello-world#2 [open] pull request Add a friendlier greeting');
  });

  it('search_code lists matching files with repository, path and URL', async () => {
    const server = await github.startServerForTest();
    const answer = await callTool(server, 'search_code', { query: 'createServer repo:octocat/hello-world' });
    expect(answer.isError).toBe(false);
    expect(answer.structured).toMatchObject({ totalCount: 1, hasNextPage: false });
    expect(listOf(answer, 'files')).toEqual([
      expect.objectContaining({ repository: 'octocat/hello-world', path: 'src/server.ts', htmlUrl: 'https://github.com/octocat/hello-world/blob/main/src/server.ts' }),
    ]);
    expect(answer.text).toContain('- octocat/hello-world: src/server.ts (https://github.com/octocat/hello-world/blob/main/src/server.ts)');
  });

  it('search_code without a token says a token is needed, as GitHub does', async () => {
    const server = await github.startServerForTest({ GITHUB_TOKEN: undefined });
    const answer = await callTool(server, 'search_code', { query: 'createServer' });
    expect(answer.isError).toBe(true);
    expect(answer.text).toBe(
      'Code search for "createServer" needs a GitHub token. GitHub token is not set. Set GITHUB_TOKEN for the github server in MCP Tray (Servers > github > Settings) and restart it.',
    );
  });

  it('refuses an empty query before asking GitHub', async () => {
    const server = await github.startServerForTest();
    const answer = await callTool(server, 'search_issues', { query: '   ' });
    expect(answer.isError).toBe(true);
    expect(answer.text).toContain('query must be GitHub search text of 1 to 1000 characters');
    expect(github.fake.requests).toHaveLength(0);
  });
});
