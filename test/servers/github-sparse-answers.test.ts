import { describe, expect, it } from 'vitest';
import { callTool, useGitHubHarness } from './fixtures/github-harness';

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
