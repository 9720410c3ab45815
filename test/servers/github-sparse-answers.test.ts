import { describe, expect, it } from 'vitest';
import { callTool, listOf, useGitHubHarness } from './fixtures/github-harness';

// GitHub Enterprise versions and proxies answer with fewer fields than github.com. A write GitHub accepted
// must be reported as done whatever its answer lacks: reporting it failed invites a duplicate retry.
describe('github server: answers with fields left out', () => {
  const github = useGitHubHarness({ sharedServer: false });

  it('create_issue reports the issue created when the answer has only its number and title', async () => {
    github.fake.script({ method: 'POST', path: '/repos/octocat/hello-world/issues' }, { status: 201, body: { number: 8, title: 'Sparse' } });
    const server = await github.startServerForTest();
    const answer = await callTool(server, 'create_issue', { owner: 'octocat', repo: 'hello-world', title: 'Sparse' });
    expect(answer.isError, answer.text).toBe(false);
    expect(answer.text).toBe('Created issue #8 in octocat/hello-world: Sparse');
    expect(answer.structured.issue).toMatchObject({ number: 8, repository: 'octocat/hello-world', labels: [], comments: null, htmlUrl: null });
  });

  it('update_issue reports the change when the answer leaves out state, labels and dates', async () => {
    github.fake.script({ method: 'PATCH', path: '/repos/octocat/hello-world/issues/1' }, { status: 200, body: { number: 1, title: 'Found a bug' } });
    const server = await github.startServerForTest();
    const answer = await callTool(server, 'update_issue', { owner: 'octocat', repo: 'hello-world', number: 1, title: 'Found a bug' });
    expect(answer.isError, answer.text).toBe(false);
    expect(answer.text).toBe('Updated issue #1 in octocat/hello-world (title).');
  });

  it('add_issue_comment reports the comment added when the answer is empty', async () => {
    github.fake.script({ method: 'POST', path: '/repos/octocat/hello-world/issues/1/comments' }, { status: 201, body: {} });
    const server = await github.startServerForTest();
    const answer = await callTool(server, 'add_issue_comment', { owner: 'octocat', repo: 'hello-world', number: 1, body: 'Thanks!' });
    expect(answer.isError, answer.text).toBe(false);
    expect(answer.structured).toMatchObject({ repository: 'octocat/hello-world', number: 1, commentId: null, htmlUrl: null });
  });
});

// The same for every read: a field an older GitHub Enterprise or a proxy leaves out reads as null (or is filled in
// from the request), and the call succeeds.
describe('github server: reads answered with fields left out', () => {
  const github = useGitHubHarness();
  const repo = { owner: 'octocat', repo: 'hello-world' };
  const route = (path: string) => ({ method: 'GET', path: new RegExp(`^${path.replace(/\//g, '\\/')}$`) });
  const ok = (body: unknown) => ({ status: 200, body });

  it('list_repositories', async () => {
    github.fake.script(route('/user/repos'), ok([{ full_name: 'octocat/sparse' }]));
    const answer = await callTool(github.server, 'list_repositories', {});
    expect(answer.isError, answer.text).toBe(false);
    expect(answer.text).toContain('- octocat/sparse updated unknown date');
    expect(listOf(answer, 'repositories')[0]).toMatchObject({ fullName: 'octocat/sparse', private: null, stars: null, fork: null, htmlUrl: null });
  });

  it('search_repositories', async () => {
    github.fake.script(route('/search/repositories'), ok({ items: [{ name: 'sparse' }] }));
    const answer = await callTool(github.server, 'search_repositories', { query: 'sparse' });
    expect(answer.isError, answer.text).toBe(false);
    expect(answer.text).toContain('Found repositories for "sparse"; 1 on this page.');
    expect(answer.structured).toMatchObject({ totalCount: null, incompleteResults: false });
    expect(listOf(answer, 'repositories')[0]).toMatchObject({ fullName: 'sparse', archived: null });
  });

  it('search_issues', async () => {
    github.fake.script(route('/search/issues'), ok({ items: [{ number: 3, title: 'Sparse' }] }));
    const answer = await callTool(github.server, 'search_issues', { query: 'sparse' });
    expect(answer.isError, answer.text).toBe(false);
    expect(listOf(answer, 'issues')[0]).toMatchObject({ number: 3, title: 'Sparse', state: null, htmlUrl: null });
  });

  it('search_code', async () => {
    github.fake.script(route('/search/code'), ok({ total_count: 1, items: [{ path: 'src/index.ts' }] }));
    const answer = await callTool(github.server, 'search_code', { query: 'createServer' });
    expect(answer.isError, answer.text).toBe(false);
    expect(answer.text).toContain('- unknown repository: src/index.ts');
    expect(listOf(answer, 'files')[0]).toEqual({ repository: null, path: 'src/index.ts', sha: null, htmlUrl: null });
  });

  it('list_commits', async () => {
    github.fake.script(route('/repos/octocat/hello-world/commits'), ok([{ sha: '0123456789abcdef' }]));
    const answer = await callTool(github.server, 'list_commits', repo);
    expect(answer.isError, answer.text).toBe(false);
    expect(listOf(answer, 'commits')[0]).toEqual({ sha: '0123456789abcdef', message: '', author: 'unknown', date: null, htmlUrl: null });
  });

  it('list_pull_requests', async () => {
    github.fake.script(route('/repos/octocat/hello-world/pulls'), ok([{ number: 2, title: 'Sparse' }]));
    const answer = await callTool(github.server, 'list_pull_requests', repo);
    expect(answer.isError, answer.text).toBe(false);
    expect(answer.text).toContain('- #2 [state not reported] Sparse (? → ?) by ghost');
    expect(listOf(answer, 'pullRequests')[0]).toMatchObject({ number: 2, state: null, base: null, head: null, createdAt: null, htmlUrl: null });
  });

  it('get_pull_request', async () => {
    github.fake.script(route('/repos/octocat/hello-world/pulls/1'), ok({ title: 'Sparse' }));
    github.fake.script(route('/repos/octocat/hello-world/pulls/1/files'), ok([{ filename: 'README.md' }]));
    const answer = await callTool(github.server, 'get_pull_request', { ...repo, number: 1 });
    expect(answer.isError, answer.text).toBe(false);
    expect(answer.text).toContain('Pull request octocat/hello-world#1: Sparse');
    expect(answer.structured).toMatchObject({ number: 1, state: null, merged: null, commits: null, changedFiles: null, htmlUrl: null, filesNotShown: 0 });
    expect(listOf(answer, 'files')[0]).toEqual({ filename: 'README.md', status: null, additions: null, deletions: null, previousFilename: null });
  });

  it('get_me', async () => {
    github.fake.script(route('/user'), ok({ login: 'octocat' }));
    const answer = await callTool(github.server, 'get_me', {});
    expect(answer.isError, answer.text).toBe(false);
    expect(answer.text).toBe('Signed in to GitHub as octocat.');
    expect(answer.structured).toMatchObject({ login: 'octocat', type: null, htmlUrl: null, publicRepos: null });
  });

  it('get_issue', async () => {
    github.fake.script(route('/repos/octocat/hello-world/issues/1'), ok({ title: 'Sparse' }));
    github.fake.script(route('/repos/octocat/hello-world/issues/1/comments'), ok([{ body: 'Same here' }]));
    const answer = await callTool(github.server, 'get_issue', { ...repo, number: 1 });
    expect(answer.isError, answer.text).toBe(false);
    expect(answer.structured.issue).toMatchObject({ repository: 'octocat/hello-world', number: 1, title: 'Sparse', htmlUrl: null });
    expect(listOf(answer, 'comments')[0]).toEqual({ author: 'ghost', createdAt: null, body: 'Same here', htmlUrl: null });
  });

  it('list_issues', async () => {
    github.fake.script(route('/repos/octocat/hello-world/issues'), ok([{ number: 4, title: 'Sparse' }]));
    const answer = await callTool(github.server, 'list_issues', repo);
    expect(answer.isError, answer.text).toBe(false);
    expect(listOf(answer, 'issues')[0]).toMatchObject({ number: 4, title: 'Sparse', state: null, comments: null });
  });
});
