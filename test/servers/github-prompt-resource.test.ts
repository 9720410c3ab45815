import { describe, expect, it } from 'vitest';
import { README_TEXT } from './fixtures/github-data';
import { useGitHubHarness } from './fixtures/github-harness';

describe('github server: the summarize-pull-request prompt and the README resource', () => {
  const github = useGitHubHarness();

  it('lists the prompt with its three arguments', async () => {
    const { prompts } = await github.server.client.listPrompts();
    expect(prompts).toEqual([
      expect.objectContaining({
        name: 'summarize-pull-request',
        title: 'Summarize a pull request',
        arguments: [
          expect.objectContaining({ name: 'owner', required: true }),
          expect.objectContaining({ name: 'repo', required: true }),
          expect.objectContaining({ name: 'number', required: true }),
        ],
      }),
    ]);
  });

  it('the prompt carries the pull request, its changed files and what to write', async () => {
    const prompt = await github.server.client.getPrompt({ name: 'summarize-pull-request', arguments: { owner: 'octocat', repo: 'hello-world', number: '#2' } });
    expect(prompt.description).toBe('Summary of octocat/hello-world#2: Add a friendlier greeting');
    expect(prompt.messages).toHaveLength(1);
    const [message] = prompt.messages;
    expect(message?.role).toBe('user');
    const text = message?.content.type === 'text' ? message.content.text : '';
    expect(text).toMatch(/^Summarize pull request octocat\/hello-world#2 for a reviewer\./);
    expect(text).toContain('Says hello in a nicer way and adds a greeting module.');
    expect(text).toContain('- added src/greeting.ts (+12 −0)');
    expect(github.fake.requestsTo('/pulls/2')).toHaveLength(2);
  });

  it('the prompt reports a missing pull request and a malformed number as errors a person can read', async () => {
    await expect(
      github.server.client.getPrompt({ name: 'summarize-pull-request', arguments: { owner: 'octocat', repo: 'hello-world', number: '99' } }),
    ).rejects.toThrow('Pull request #99 in octocat/hello-world was not found, or the token cannot see it.');
    await expect(
      github.server.client.getPrompt({ name: 'summarize-pull-request', arguments: { owner: 'octocat', repo: 'hello-world', number: 'two' } }),
    ).rejects.toThrow('number must be the pull request number, e.g. "42".');
  });

  it('offers the README resource template', async () => {
    const { resourceTemplates } = await github.server.client.listResourceTemplates();
    expect(resourceTemplates).toEqual([
      expect.objectContaining({ name: 'repository-readme', uriTemplate: 'github://repos/{owner}/{repo}/readme', mimeType: 'text/markdown' }),
    ]);
  });

  it('reads a README as Markdown through the raw media type', async () => {
    const uri = 'github://repos/octocat/hello-world/readme';
    const result = await github.server.client.readResource({ uri });
    expect(result.contents).toEqual([{ uri, mimeType: 'text/markdown', text: README_TEXT }]);
    const [request] = github.fake.requestsTo('/readme');
    expect(String(request?.headers.accept)).toContain('raw');
  });

  it('refuses a README address with an impossible owner, and names a missing repository', async () => {
    await expect(github.server.client.readResource({ uri: 'github://repos/octo..cat/hello-world/readme' })).rejects.toThrow(
      'owner must be a GitHub user or organization name',
    );
    expect(github.fake.requests).toHaveLength(0);
    await expect(github.server.client.readResource({ uri: 'github://repos/octocat/nope/readme' })).rejects.toThrow(
      'The README of octocat/nope was not found, or the token cannot see it.',
    );
  });
});
