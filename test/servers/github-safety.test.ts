import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { builtServerPath, initializeMessages, runRaw } from '../support/mcp-child';
import { startFakeGitHub } from '../support/fake-github';
import { BIG_FILE_PATH, OCTOCAT_TOKEN } from './fixtures/github-data';
import { callTool, githubEnv, useGitHubHarness } from './fixtures/github-harness';

const repoArgs = { owner: 'octocat', repo: 'hello-world' };

/** Arguments that try to reach another file, repository or endpoint; each must be refused before any request. */
const REFUSED: Array<[tool: string, args: Record<string, unknown>, hint: string]> = [
  ['get_file_contents', { ...repoArgs, path: '../secret-plans/README.md' }, 'path must be a path inside the repository'],
  ['get_file_contents', { ...repoArgs, path: 'docs/../../secret-plans' }, 'path must be a path inside the repository'],
  ['get_file_contents', { ...repoArgs, path: '%2e%2e/secret-plans' }, 'not even written as %2e'],
  ['get_file_contents', { ...repoArgs, path: 'docs/%2E%2e/%2e%2E/x' }, 'not even written as %2e'],
  ['get_file_contents', { ...repoArgs, path: 'docs/./guide.md' }, 'path must be a path inside the repository'],
  ['get_file_contents', { ...repoArgs, path: 'docs\\..\\..\\x' }, 'path must be a path inside the repository'],
  ['get_file_contents', { ...repoArgs, path: '/etc/passwd' }, 'no leading "/"'],
  ['get_file_contents', { ...repoArgs, path: 'docs//guide.md' }, 'no "//"'],
  ['get_file_contents', { ...repoArgs, path: 'README.md\r\nX-Injected: 1' }, 'no control characters'],
  ['get_file_contents', { ...repoArgs, path: 'README.md', ref: 'main..evil' }, 'ref must be a branch, tag or commit SHA'],
  ['get_file_contents', { ...repoArgs, path: 'README.md', ref: 'main branch' }, 'ref must be a branch, tag or commit SHA'],
  ['get_file_contents', { ...repoArgs, path: 'README.md', ref: '--upload-pack=x' }, 'ref must be a branch, tag or commit SHA'],
  ['get_file_contents', { owner: '../octocat', repo: 'hello-world' }, 'owner must be a GitHub user or organization name'],
  ['get_file_contents', { owner: 'octocat/hello-world', repo: 'x' }, 'owner must be a GitHub user or organization name'],
  ['get_file_contents', { owner: 'https://github.com/octocat', repo: 'x' }, 'owner must be a GitHub user or organization name'],
  ['get_file_contents', { owner: 'octocat', repo: '..' }, 'repo must be a repository name'],
  ['get_file_contents', { owner: 'octocat', repo: 'hello-world/../../secret-plans' }, 'repo must be a repository name'],
  ['get_file_contents', { owner: 'octocat', repo: 'hello world' }, 'repo must be a repository name'],
  ['list_commits', { ...repoArgs, path: '../x' }, 'path must be a path inside the repository'],
  ['list_commits', { ...repoArgs, sha: 'HEAD~1' }, 'ref must be a branch, tag or commit SHA'],
  ['list_pull_requests', { ...repoArgs, head: 'octocat:../main' }, 'head must be a branch name'],
  ['list_pull_requests', { ...repoArgs, base: 'main..dev' }, 'ref must be a branch, tag or commit SHA'],
  ['get_issue', { ...repoArgs, number: 1.5 }, 'number must be the issue number'],
  ['get_issue', { ...repoArgs, number: -1 }, 'number must be the issue number'],
  ['list_issues', { ...repoArgs, perPage: 101 }, 'perPage must be a whole number from 1 to 100.'],
  ['list_issues', { ...repoArgs, page: 0 }, 'page must be a whole number from 1'],
  ['list_issues', { ...repoArgs, labels: ['bug,wontfix'] }, 'labels cannot contain a comma'],
  ['list_issues', { ...repoArgs, since: 'yesterday' }, 'since must be a date or time in ISO 8601 form'],
];

describe('github server: safety of arguments, output and secrets', () => {
  const github = useGitHubHarness({ sharedServerEnv: { LOG_LEVEL: 'trace' } });

  it.each(REFUSED)('%s refuses %j before asking GitHub', async (tool, args, hint) => {
    const answer = await callTool(github.server, tool, args);
    expect(answer.isError).toBe(true);
    expect(answer.text).toContain(hint);
    expect(github.fake.requests).toHaveLength(0);
  });

  it('characters that mean something in a URL stay inside the path they were given', async () => {
    const answer = await callTool(github.server, 'get_file_contents', { ...repoArgs, path: 'docs/what?ref=evil#frag.md' });
    expect(answer.isError).toBe(true);
    expect(answer.text).toContain('Path "docs/what?ref=evil#frag.md" in octocat/hello-world was not found');
    const [request] = github.fake.requests;
    expect(request!.url.pathname).toBe('/repos/octocat/hello-world/contents/docs%2Fwhat%3Fref%3Devil%23frag.md');
    expect(request!.url.search).toBe('');
  });

  it('writes nothing but JSON-RPC 2.0 messages to stdout, even around big results, errors and logs', async () => {
    const messages = [
      ...initializeMessages,
      { jsonrpc: '2.0', id: 2, method: 'tools/list' },
      { jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'get_me', arguments: {} } },
      { jsonrpc: '2.0', id: 4, method: 'tools/call', params: { name: 'get_file_contents', arguments: { ...repoArgs, path: BIG_FILE_PATH } } },
      { jsonrpc: '2.0', id: 5, method: 'tools/call', params: { name: 'get_file_contents', arguments: { ...repoArgs, path: '../x' } } },
      { jsonrpc: '2.0', id: 6, method: 'tools/call', params: { name: 'list_issues', arguments: { owner: 'octocat', repo: 'nope' } } },
      { jsonrpc: '2.0', id: 7, method: 'prompts/list' },
      { jsonrpc: '2.0', id: 8, method: 'resources/read', params: { uri: 'github://repos/octocat/hello-world/readme' } },
      { jsonrpc: '2.0', id: 9, method: 'no/such/method' },
    ];
    const run = await runRaw('github', githubEnv(github.fake, { LOG_LEVEL: 'trace' }), messages, 9);
    expect(run.stdoutLines.length).toBeGreaterThanOrEqual(9);
    const ids = [];
    for (const line of run.stdoutLines) {
      const message = JSON.parse(line) as { jsonrpc?: string; id?: number; method?: string };
      expect(message.jsonrpc).toBe('2.0');
      expect(message.id !== undefined || message.method !== undefined).toBe(true);
      if (message.id !== undefined) ids.push(message.id);
    }
    expect(ids.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(run.stderr).toContain('"msg":"ready"');
    expect(run.exitCode).toBe(0);
  });

  it('never shows the token in logs or results, even when GitHub content or messages contain it', async () => {
    const helloWorld = github.fake.data.repos.find((repo) => repo.name === 'hello-world')!;
    helloWorld.issues[0]!.body = `Oops, I pasted my token here: ${OCTOCAT_TOKEN}`;
    github.fake.script({ path: '/pulls' }, { status: 422, body: { message: `Validation Failed for ${OCTOCAT_TOKEN}`, errors: [`token ${OCTOCAT_TOKEN} is odd`] } });

    const answers = [
      await callTool(github.server, 'get_me'),
      await callTool(github.server, 'get_issue', { ...repoArgs, number: 1 }),
      await callTool(github.server, 'list_pull_requests', repoArgs),
      await callTool(github.server, 'list_issues', { owner: 'octocat', repo: 'nope' }),
      await callTool(github.server, 'get_file_contents', { ...repoArgs, path: 'README.md' }),
    ];
    expect(answers[1]!.text).toContain('Oops, I pasted my token here: [redacted]');
    expect(answers[2]!.text).toContain('[redacted]');
    for (const answer of answers) expect(JSON.stringify(answer)).not.toContain(OCTOCAT_TOKEN);
    // The token did go to GitHub, and the trace-level log saw those requests.
    expect(github.fake.requests.every((request) => request.headers.authorization === `token ${OCTOCAT_TOKEN}`)).toBe(true);
    expect(github.server.stderr()).toContain('"tool":"get_issue"');
    expect(github.server.stderr()).not.toContain(OCTOCAT_TOKEN);
  });

  it('serves a GitHub Enterprise Server API under /api/v3, following its Link headers', async () => {
    const enterprise = await startFakeGitHub({ prefix: '/api/v3' });
    try {
      const extraServer = await github.startServerForTest({}, enterprise);
      const me = await callTool(extraServer, 'get_me');
      expect(me.text).toContain('Signed in to GitHub as octocat');
      const repos = await callTool(extraServer, 'list_repositories', { perPage: 1 });
      expect(repos.structured).toMatchObject({ hasNextPage: true });
      expect(enterprise.requests.map((request) => request.url.pathname)).toEqual(['/api/v3/user', '/api/v3/user/repos']);
    } finally {
      await enterprise.close();
    }
  });

  it('stops at start with one plain line on stderr when a setting is wrong, and never echoes the token', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ GITHUB_TIMEOUT_MS: 'soon' }, 'github server cannot start: GITHUB_TIMEOUT_MS must be a number from 100 to 300000; it is "soon".'],
      [{ GITHUB_API_URL: 'ftp://ghe.example.com' }, 'github server cannot start: GITHUB_API_URL must be an http(s) URL; it is "ftp://ghe.example.com".'],
      [{ LOG_LEVEL: 'loud' }, 'github server cannot start: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; it is "loud".'],
      [
        { GITHUB_TOKEN: `${OCTOCAT_TOKEN} second-line` },
        'github server cannot start: GITHUB_TOKEN contains spaces, line breaks or other characters a token never has. Paste the token alone (it starts with "ghp_" or "github_pat_").',
      ],
    ];
    const runs = cases.map(async ([env]) => {
      const child = spawn(process.execPath, [builtServerPath('github')], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
      return { exitCode, stdout, stderr };
    });
    const results = await Promise.all(runs);
    results.forEach((result, index) => expect(result).toEqual({ exitCode: 1, stdout: '', stderr: `${cases[index]![1]}\n` }));
  });
});
