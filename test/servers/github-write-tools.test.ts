import { describe, expect, it } from 'vitest';
import { callTool, useGitHubHarness } from './fixtures/github-harness';

const MISSING_TOKEN =
  'GitHub token is not set. Set GITHUB_TOKEN for the github server in MCP Tray (Servers > github > Settings) and restart it.';

// Octokit spaces writes that notify people (issues, comments) 3 s apart within one process,
// so each test gets its own server instead of waiting on the one before.
describe('github server: tools that write', () => {
  const github = useGitHubHarness({ sharedServer: false });

  const helloWorld = () => github.fake.data.repos.find((repo) => repo.name === 'hello-world')!;

  it('create_issue opens an issue with body, labels, assignees and milestone', async () => {
    const server = await github.startServerForTest();
    const answer = await callTool(server, 'create_issue', {
      owner: 'octocat',
      repo: 'hello-world',
      title: '  Crash on start  ',
      body: 'It crashes.',
      labels: ['bug'],
      assignees: ['octocat'],
      milestone: 1,
    });
    expect(answer.isError).toBe(false);
    expect(answer.text).toBe('Created issue #7 in octocat/hello-world: Crash on start\nhttps://github.com/octocat/hello-world/issues/7');
    expect(answer.structured.issue).toMatchObject({ number: 7, state: 'open', labels: ['bug'], assignees: ['octocat'], author: 'octocat' });
    const [request] = github.fake.requestsTo('/repos/octocat/hello-world/issues', 'POST');
    expect(JSON.parse(request!.body)).toEqual({ title: 'Crash on start', body: 'It crashes.', labels: ['bug'], assignees: ['octocat'], milestone: 1 });
    expect(helloWorld().issues.at(-1)).toMatchObject({ number: 7, title: 'Crash on start', milestone: 1 });
  });

  it('create_issue passes on GitHub\'s validation messages (422), cleaned up', async () => {
    const server = await github.startServerForTest();
    const answer = await callTool(server, 'create_issue', { owner: 'octocat', repo: 'hello-world', title: 'Needs help', assignees: ['ghost'], milestone: 99 });
    expect(answer.isError).toBe(true);
    expect(answer.text).toBe(
      'GitHub did not accept the request (422 Validation Failed): assignees "ghost" is not valid; milestone "99" is not valid. Correct the values and try again.',
    );
    expect(answer.text).not.toContain('docs.github.com');
    expect(helloWorld().issues).toHaveLength(6);
  });

  it('update_issue closes an issue as not planned and replaces its labels', async () => {
    const server = await github.startServerForTest();
    const answer = await callTool(server, 'update_issue', {
      owner: 'octocat',
      repo: 'hello-world',
      number: 4,
      state: 'closed',
      state_reason: 'not_planned',
      labels: ['wontfix'],
      milestone: null,
    });
    expect(answer.isError).toBe(false);
    expect(answer.text).toBe(
      'Updated issue #4 in octocat/hello-world (state, state_reason, labels, milestone); it is now closed (not_planned).\nhttps://github.com/octocat/hello-world/issues/4',
    );
    expect(answer.structured).toMatchObject({ changed: ['state', 'state_reason', 'labels', 'milestone'], issue: { state: 'closed', stateReason: 'not_planned', labels: ['wontfix'] } });
    const [request] = github.fake.requestsTo('/repos/octocat/hello-world/issues/4', 'PATCH');
    expect(JSON.parse(request!.body)).toEqual({ state: 'closed', state_reason: 'not_planned', labels: ['wontfix'], milestone: null });
  });

  it('update_issue with nothing to change says what it needs, without calling GitHub', async () => {
    const server = await github.startServerForTest();
    const answer = await callTool(server, 'update_issue', { owner: 'octocat', repo: 'hello-world', number: 4 });
    expect(answer.isError).toBe(true);
    expect(answer.text).toContain('Nothing to change: pass at least one of title, body, state');
    expect(github.fake.requests).toHaveLength(0);
  });

  it('add_issue_comment comments on an issue', async () => {
    const server = await github.startServerForTest();
    const answer = await callTool(server, 'add_issue_comment', { owner: 'octocat', repo: 'hello-world', number: 1, body: 'Thanks, fixed in main.' });
    expect(answer.isError).toBe(false);
    expect(answer.text).toBe('Commented on octocat/hello-world#1.\nhttps://github.com/octocat/hello-world/issues/1#issuecomment-1000');
    expect(answer.structured).toMatchObject({ repository: 'octocat/hello-world', number: 1, commentId: 1000 });
    expect(helloWorld().issues[0]!.comments.at(-1)).toMatchObject({ author: 'octocat', body: 'Thanks, fixed in main.' });
  });

  it('checks input against the schema and says what to type', async () => {
    const server = await github.startServerForTest();
    const noTitle = await callTool(server, 'create_issue', { owner: 'octocat', repo: 'hello-world', title: '' });
    expect(noTitle.isError).toBe(true);
    expect(noTitle.text).toContain('title must be text of 1 to 256 characters.');
    const badReason = await callTool(server, 'update_issue', { owner: 'octocat', repo: 'hello-world', number: 1, state_reason: 'done' });
    expect(badReason.text).toContain('state_reason must be "completed", "not_planned" or "reopened".');
    const emptyComment = await callTool(server, 'add_issue_comment', { owner: 'octocat', repo: 'hello-world', number: 1, body: '  ' });
    expect(emptyComment.text).toContain('body must not be empty: type the comment text.');
    expect(github.fake.requests).toHaveLength(0);
  });

  it('without a token, write tools and get_me say the token is missing while public reads still work', async () => {
    const server = await github.startServerForTest({ GITHUB_TOKEN: undefined });
    for (const [tool, args] of [
      ['create_issue', { owner: 'octocat', repo: 'hello-world', title: 'x' }],
      ['update_issue', { owner: 'octocat', repo: 'hello-world', number: 1, title: 'x' }],
      ['add_issue_comment', { owner: 'octocat', repo: 'hello-world', number: 1, body: 'x' }],
      ['get_me', {}],
    ] as const) {
      const answer = await callTool(server, tool, args);
      expect(answer, tool).toMatchObject({ isError: true, text: MISSING_TOKEN });
    }
    const mine = await callTool(server, 'list_repositories');
    expect(mine.isError).toBe(true);
    expect(mine.text).toContain('Listing your own repositories needs a GitHub token; to list someone\'s public repositories, pass owner.');
    expect(github.fake.requests).toHaveLength(0);

    const publicRead = await callTool(server, 'list_issues', { owner: 'octocat', repo: 'hello-world' });
    expect(publicRead.isError).toBe(false);
    expect(publicRead.text).toContain('#1 [open] Found a bug');
    expect(github.fake.requests.every((request) => request.headers.authorization === undefined)).toBe(true);

    const privateRepo = await callTool(server, 'list_issues', { owner: 'octocat', repo: 'secret-plans' });
    expect(privateRepo.text).toBe(
      'Repository octocat/secret-plans was not found, or it is private. Check the spelling; a private repository needs GITHUB_TOKEN, set in MCP Tray (Servers > github > Settings).',
    );
    expect(server.stderr()).toContain('GITHUB_TOKEN is not set: only public data can be read');
  });

  it('in read-only mode lists no tool that writes and still reads', async () => {
    const server = await github.startServerForTest({ GITHUB_READ_ONLY: '1' });
    const { tools } = await server.client.listTools();
    const names = tools.map((tool) => tool.name);
    expect(names).toHaveLength(11);
    for (const name of ['create_issue', 'update_issue', 'add_issue_comment']) expect(names).not.toContain(name);
    expect(tools.every((tool) => tool.annotations?.readOnlyHint === true)).toBe(true);
    // A tool that is not registered is a protocol error (spec 2025-11-25, server/tools, "Error Handling").
    await expect(callTool(server, 'create_issue', { owner: 'octocat', repo: 'hello-world', title: 'x' })).rejects.toMatchObject({
      code: -32602,
      message: expect.stringContaining('Tool create_issue not found'),
    });
    expect((await callTool(server, 'get_me')).isError).toBe(false);
    expect(github.fake.requestsTo('/issues', 'POST')).toHaveLength(0);
  });
});
