import { describe, expect, it } from 'vitest';
import { BIG_FILE_PATH, BIG_FILE_SIZE, BINARY_PATH, blobSha, OCTOCAT_TOKEN, README_TEXT, UNICODE_FILE_TEXT, UNICODE_PATH } from './fixtures/github-data';
import { callTool, listOf, useGitHubHarness } from './fixtures/github-harness';

const READ_TOOLS = [
  'get_me',
  'list_repositories',
  'search_repositories',
  'get_file_contents',
  'list_commits',
  'list_issues',
  'get_issue',
  'search_issues',
  'list_pull_requests',
  'get_pull_request',
  'search_code',
];
const WRITE_TOOLS = ['create_issue', 'update_issue', 'add_issue_comment'];

describe('github server: reading repositories, files, commits, issues and pull requests', () => {
  const github = useGitHubHarness();

  it('lists every tool with a title, a description and truthful annotations', async () => {
    const { tools } = await github.server.client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([...READ_TOOLS, ...WRITE_TOOLS].sort());
    for (const tool of tools) {
      expect(tool.title, tool.name).toBeTruthy();
      expect(tool.description?.length, tool.name).toBeGreaterThan(40);
      expect(tool.annotations?.openWorldHint, tool.name).toBe(true);
      const writes = WRITE_TOOLS.includes(tool.name);
      expect(tool.annotations?.readOnlyHint, tool.name).toBe(!writes);
      if (!writes) expect(tool.annotations, tool.name).toMatchObject({ destructiveHint: false, idempotentHint: true });
    }
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    expect(byName.get('create_issue')?.annotations).toMatchObject({ destructiveHint: false, idempotentHint: false });
    expect(byName.get('update_issue')?.annotations).toMatchObject({ destructiveHint: true, idempotentHint: true });
    expect(byName.get('add_issue_comment')?.annotations).toMatchObject({ destructiveHint: false, idempotentHint: false });
  });

  it('get_me names the signed-in user, sending the token and our user agent', async () => {
    const answer = await callTool(github.server, 'get_me');
    expect(answer.isError).toBe(false);
    expect(answer.text).toContain('Signed in to GitHub as octocat (The Octocat)');
    expect(answer.text).toContain('Token scopes: repo, read:org');
    expect(answer.structured).toMatchObject({ login: 'octocat', publicRepos: 3, privateRepos: 1, tokenScopes: ['repo', 'read:org'] });
    const [request] = github.fake.requestsTo('/user', 'GET');
    expect(request?.headers.authorization).toBe(`token ${OCTOCAT_TOKEN}`);
    expect(request?.headers['user-agent']).toMatch(/^mcp-tray-github\/\d+\.\d+\.\d+/);
  });

  it('list_repositories without owner lists the signed-in user\'s repositories, private ones included, without GitHub\'s bulk', async () => {
    const answer = await callTool(github.server, 'list_repositories', { sort: 'full_name' });
    expect(answer.isError).toBe(false);
    const names = listOf(answer, 'repositories').map((repo) => repo.fullName);
    expect(names).toEqual(['mcp-tray-org/internal', 'mcp-tray-org/tools', 'octocat/hello-world', 'octocat/old-stuff', 'octocat/secret-plans', 'octocat/Spoon-Knife'].sort((a, b) => a.localeCompare(b)));
    expect(answer.text).toContain('- octocat/secret-plans (private)');
    expect(answer.text).toContain('octocat/old-stuff (public, archived)');
    expect(JSON.stringify(answer.structured)).not.toContain('node_id');
    expect(github.fake.requestsTo('/user/repos')[0]?.url.searchParams.get('sort')).toBe('full_name');
  });

  it('list_repositories of an organization uses the org listing', async () => {
    const answer = await callTool(github.server, 'list_repositories', { owner: 'mcp-tray-org' });
    expect(answer.isError).toBe(false);
    expect(listOf(answer, 'repositories').map((repo) => repo.fullName)).toEqual(['mcp-tray-org/internal', 'mcp-tray-org/tools']);
    expect(github.fake.requestsTo('/users/')).toHaveLength(0);
  });

  it('list_repositories of a user falls back to the user listing and reports whether there is a next page', async () => {
    const first = await callTool(github.server, 'list_repositories', { owner: 'octocat', perPage: 2 });
    expect(first.isError).toBe(false);
    expect(github.fake.requestsTo('/orgs/octocat/repos')).toHaveLength(1);
    expect(first.structured).toMatchObject({ page: 1, perPage: 2, hasNextPage: true });
    expect(listOf(first, 'repositories')).toHaveLength(2);
    expect(first.text).toContain('there is a next page (call again with page 2)');

    const second = await callTool(github.server, 'list_repositories', { owner: 'octocat', perPage: 2, page: 2 });
    expect(second.structured).toMatchObject({ page: 2, hasNextPage: false });
    expect(listOf(second, 'repositories')).toHaveLength(1);
    expect(second.text).toContain('this is the last page');
    const names = [...listOf(first, 'repositories'), ...listOf(second, 'repositories')].map((repo) => repo.fullName);
    expect(names).not.toContain('octocat/secret-plans');
  });

  it('get_file_contents returns a text file with its size and sha', async () => {
    const answer = await callTool(github.server, 'get_file_contents', { owner: 'octocat', repo: 'hello-world', path: 'README.md' });
    expect(answer.isError).toBe(false);
    expect(answer.text).toContain(`README.md in octocat/hello-world (${README_TEXT.length} B, sha ${blobSha(Buffer.from(README_TEXT)).slice(0, 7)})`);
    expect(answer.text.endsWith(README_TEXT)).toBe(true);
  });

  it('get_file_contents lists a folder, folders first, and the top folder for an empty path', async () => {
    const folder = await callTool(github.server, 'get_file_contents', { owner: 'octocat', repo: 'hello-world', path: 'docs/' });
    expect(folder.isError).toBe(false);
    expect(folder.text.split('\n')).toEqual(['Folder "docs" of octocat/hello-world: 2 entries.', 'dir   docs/Über uns/', 'file  docs/guide.md (32 B)']);

    const top = await callTool(github.server, 'get_file_contents', { owner: 'octocat', repo: 'hello-world' });
    expect(top.text).toContain('Top folder of octocat/hello-world: 5 entries.');
    expect(top.text).toContain('dir   src/');
    expect(top.text).toContain('file  README.md');
  });

  it('get_file_contents percent-encodes a path with spaces and non-ASCII characters, and GitHub decodes it to the same path', async () => {
    const answer = await callTool(github.server, 'get_file_contents', { owner: 'octocat', repo: 'hello-world', path: UNICODE_PATH });
    expect(answer.isError).toBe(false);
    expect(answer.text).toContain(UNICODE_FILE_TEXT);
    const [request] = github.fake.requestsTo('/contents/');
    const encodedPath = request!.url.pathname.split('/contents/')[1]!;
    expect(encodedPath).toBe('docs%2F%C3%9Cber%20uns%2Fna%C3%AFve%20file.md');
    expect(decodeURIComponent(encodedPath)).toBe(UNICODE_PATH);
  });

  it('get_file_contents reads another ref and says plainly when the ref does not exist', async () => {
    const onBranch = await callTool(github.server, 'get_file_contents', { owner: 'octocat', repo: 'hello-world', path: 'src/index.ts', ref: 'add-greeting' });
    expect(onBranch.isError).toBe(false);
    expect(onBranch.text).toContain('src/index.ts in octocat/hello-world@add-greeting');
    expect(github.fake.requestsTo('/contents/')[0]?.url.searchParams.get('ref')).toBe('add-greeting');

    const missing = await callTool(github.server, 'get_file_contents', { owner: 'octocat', repo: 'hello-world', path: 'README.md', ref: 'no-such-branch' });
    expect(missing.isError).toBe(true);
    expect(missing.text).toContain('Path "README.md" in octocat/hello-world@no-such-branch was not found, or the token cannot see it.');
  });

  it('get_file_contents cuts a 2 MB text file at 1 MB with a note, reading it with the raw media type', async () => {
    const answer = await callTool(github.server, 'get_file_contents', { owner: 'octocat', repo: 'hello-world', path: BIG_FILE_PATH });
    expect(answer.isError).toBe(false);
    expect(answer.text).toContain('truncated to the first 1.0 MB');
    expect(answer.text).toMatch(/\[Truncated: the file is 2\.0 MB; only the first 1\.0 MB is shown\. The whole file: https:\/\/github\.com\/octocat\/hello-world\/blob\/main\/data\/big\.txt\]$/);
    expect(answer.text).toContain('line 000001: größer als ein Megabyte');
    expect(answer.text).not.toContain('\uFFFD');
    const shownBytes = Buffer.byteLength(answer.text);
    expect(shownBytes).toBeGreaterThan(1024 * 1024 - 200);
    expect(shownBytes).toBeLessThan(BIG_FILE_SIZE / 2 + 1000);
    const raw = github.fake.requestsTo('/contents/').find((request) => String(request.headers.accept).includes('raw'));
    expect(raw).toBeDefined();
  });

  it('get_file_contents describes a binary file instead of dumping it', async () => {
    const answer = await callTool(github.server, 'get_file_contents', { owner: 'octocat', repo: 'hello-world', path: BINARY_PATH });
    expect(answer.isError).toBe(false);
    const bytes = github.fake.data.repos[0]!.files.find((file) => file.path === BINARY_PATH)!.bytes;
    expect(answer.text).toContain(`${BINARY_PATH} in octocat/hello-world is a binary file (PNG image, 4.0 KB`);
    expect(answer.text).toContain(`full sha ${blobSha(bytes)}`);
    expect(answer.text).toContain('Download: https://raw.githubusercontent.com/octocat/hello-world/main/assets/logo.png');
    expect(answer.text).not.toContain(bytes.toString('base64').slice(0, 40));
    expect(answer.text.length).toBeLessThan(500);
  });

  it('list_commits passes branch, path, author and time filters and lists short SHAs', async () => {
    const answer = await callTool(github.server, 'list_commits', { owner: 'octocat', repo: 'hello-world', sha: 'add-greeting', path: 'src', author: 'hubot' });
    expect(answer.isError).toBe(false);
    const commits = listOf(answer, 'commits');
    expect(commits.map((commit) => commit.message)).toEqual(['Friendlier greeting']);
    expect(answer.text).toContain('Commits in octocat/hello-world (from add-greeting, touching src, by hubot): 1 commit on this page.');
    expect(answer.text).toMatch(/- [0-9a-f]{7} 2024-05-02 hubot: Friendlier greeting/);
    const query = github.fake.requestsTo('/commits')[0]!.url.searchParams;
    expect(Object.fromEntries(query)).toMatchObject({ sha: 'add-greeting', path: 'src', author: 'hubot' });

    const dated = await callTool(github.server, 'list_commits', { owner: 'octocat', repo: 'hello-world', since: '2024-03-01', until: '2024-04-30T23:59:59Z', perPage: 2 });
    expect(listOf(dated, 'commits').map((commit) => commit.message)).toEqual(['Describe the project in German too', 'Add sample data']);
    expect(listOf(dated, 'commits').map((commit) => commit.author)).toEqual(['octocat', 'hubot']);
    expect(dated.structured.hasNextPage).toBe(true);
    const datedQuery = github.fake.requestsTo('/commits')[1]!.url.searchParams;
    expect(datedQuery.get('since')).toBe('2024-03-01T00:00:00.000Z');
  });

  it('list_issues leaves pull requests out and says how many it left out', async () => {
    const answer = await callTool(github.server, 'list_issues', { owner: 'octocat', repo: 'hello-world', state: 'all' });
    expect(answer.isError).toBe(false);
    expect(listOf(answer, 'issues').map((issue) => issue.number)).toEqual([6, 4, 3, 1]);
    expect(answer.structured.pullRequestsLeftOut).toBe(2);
    expect(answer.text).toContain('2 pull requests on this page left out; use list_pull_requests');
    expect(answer.text).not.toContain('#2 ');
    expect(answer.text).toContain('- #3 [closed: completed] How do I run this? (labels: question)');
  });

  it('list_issues filters by labels and pages with the Link header', async () => {
    const labelled = await callTool(github.server, 'list_issues', { owner: 'octocat', repo: 'hello-world', labels: ['documentation', 'good first issue'] });
    expect(listOf(labelled, 'issues').map((issue) => issue.number)).toEqual([4]);
    expect(github.fake.requestsTo('/issues')[0]?.url.searchParams.get('labels')).toBe('documentation,good first issue');

    const paged = await callTool(github.server, 'list_issues', { owner: 'octocat', repo: 'hello-world', perPage: 2, sort: 'created', direction: 'asc' });
    expect(paged.structured).toMatchObject({ hasNextPage: true, pullRequestsLeftOut: 1 });
    expect(listOf(paged, 'issues').map((issue) => issue.number)).toEqual([1]);
  });

  it('get_issue shows the issue with labels, milestone and comments', async () => {
    const answer = await callTool(github.server, 'get_issue', { owner: 'octocat', repo: 'hello-world', number: 1 });
    expect(answer.isError).toBe(false);
    expect(answer.text).toContain('Issue octocat/hello-world#1: Found a bug');
    expect(answer.text).toContain('Labels: bug · Assignees: octocat · Milestone: v1.0');
    expect(answer.text).toContain('The greeting is printed twice.');
    expect(answer.text).toContain('--- hubot on 2024-01-01:\nI can reproduce this on main.');
    expect(listOf(answer, 'comments')).toHaveLength(2);
    expect(answer.structured.commentsNotShown).toBe(0);
  });

  it('list_pull_requests lists open ones by default and merged ones as merged', async () => {
    const open = await callTool(github.server, 'list_pull_requests', { owner: 'octocat', repo: 'hello-world' });
    expect(open.text).toContain('- #2 [open] Add a friendlier greeting (octocat:add-greeting → main) by hubot');
    expect(listOf(open, 'pullRequests').map((pull) => pull.number)).toEqual([2]);

    const closed = await callTool(github.server, 'list_pull_requests', { owner: 'octocat', repo: 'hello-world', state: 'closed', head: 'ci' });
    expect(github.fake.requestsTo('/pulls')[1]?.url.searchParams.get('head')).toBe('octocat:ci');
    expect(listOf(closed, 'pullRequests')).toHaveLength(0);
    const byFork = await callTool(github.server, 'list_pull_requests', { owner: 'octocat', repo: 'hello-world', state: 'closed', head: 'hubot:ci' });
    expect(byFork.text).toContain('- #5 [merged] Set up CI (hubot:ci → main)');
  });

  it('get_pull_request shows branches, size and every changed file', async () => {
    const answer = await callTool(github.server, 'get_pull_request', { owner: 'octocat', repo: 'hello-world', number: 2 });
    expect(answer.isError).toBe(false);
    expect(answer.text).toContain('Pull request octocat/hello-world#2: Add a friendlier greeting');
    expect(answer.text).toContain('octocat:add-greeting → main · Mergeable: yes');
    expect(answer.text).toContain('2 commits · +15 −1 in 3 files');
    expect(answer.text).toContain('- modified src/index.ts (+3 −1)');
    expect(answer.text).toContain('- added src/greeting.ts (+12 −0)');
    expect(answer.text).toContain('- renamed docs/hello.md → docs/greeting.md (+0 −0)');
    expect(listOf(answer, 'files')).toEqual([
      { filename: 'src/index.ts', status: 'modified', additions: 3, deletions: 1, previousFilename: null },
      { filename: 'src/greeting.ts', status: 'added', additions: 12, deletions: 0, previousFilename: null },
      { filename: 'docs/greeting.md', status: 'renamed', additions: 0, deletions: 0, previousFilename: 'docs/hello.md' },
    ]);
    expect(answer.structured).toMatchObject({ merged: false, draft: false, base: 'main', head: 'octocat:add-greeting', filesNotShown: 0 });
  });

  it('get_pull_request on an issue number says it is not a pull request it can find', async () => {
    const answer = await callTool(github.server, 'get_pull_request', { owner: 'octocat', repo: 'hello-world', number: 1 });
    expect(answer.isError).toBe(true);
    expect(answer.text).toContain('Pull request #1 in octocat/hello-world was not found, or the token cannot see it.');
  });
});
