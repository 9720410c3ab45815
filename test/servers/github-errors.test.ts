import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { callTool, useGitHubHarness } from './fixtures/github-harness';

const ISSUES_ROUTE = { method: 'GET', path: '/repos/octocat/hello-world/issues' };
const listIssues = { owner: 'octocat', repo: 'hello-world' };

/** A port nothing listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

function utcClock(epochSeconds: number): string {
  const date = new Date(epochSeconds * 1000);
  return `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
}

describe('github server: what GitHub errors turn into', () => {
  const github = useGitHubHarness();

  it('a token GitHub rejects (401) asks for a new token and is not retried', async () => {
    const extraServer = await github.startServerForTest({ GITHUB_TOKEN: 'wrong-token-0123456789' });
    const answer = await callTool(extraServer, 'get_me');
    expect(answer.isError).toBe(true);
    expect(answer.text).toBe(
      `GitHub rejected the token (401). Create a new token at ${github.fake.apiUrl}/settings/tokens and set it as GITHUB_TOKEN in MCP Tray (Servers > github > Settings), then restart the server.`,
    );
    expect(github.fake.requests).toHaveLength(1);
    expect(github.fake.requests[0]?.headers.authorization).toBe('token wrong-token-0123456789');
  });

  it('the primary rate limit (403, x-ratelimit-remaining 0) says when it resets', async () => {
    const reset = Math.floor(Date.now() / 1000) + 25 * 60 + 30;
    github.fake.script(ISSUES_ROUTE, {
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-limit': '5000', 'x-ratelimit-reset': String(reset), 'x-ratelimit-resource': 'core' },
      body: { message: 'API rate limit exceeded for user ID 583231.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api' },
    });
    const answer = await callTool(github.server, 'list_issues', listIssues);
    expect(answer.isError).toBe(true);
    expect(answer.text).toMatch(new RegExp(`^GitHub rate limit reached; it resets at ${utcClock(reset)} \\(in 2[56] min\\)\\.$`));
    expect(github.fake.requests).toHaveLength(1);
  });

  it('the primary rate limit as 429 on search names the search limit', async () => {
    const reset = Math.floor(Date.now() / 1000) + 50;
    github.fake.script({ path: '/search/repositories' }, {
      status: 429,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-limit': '30', 'x-ratelimit-reset': String(reset + 600), 'x-ratelimit-resource': 'search' },
      body: { message: 'API rate limit exceeded for user ID 583231.' },
    });
    const answer = await callTool(github.server, 'search_repositories', { query: 'hello' });
    expect(answer.isError).toBe(true);
    expect(answer.text).toMatch(/^GitHub search rate limit reached; it resets at \d\d:\d\d \(in 1[01] min\)\.$/);
  });

  it('the secondary rate limit with a long Retry-After says how long to wait, without waiting', async () => {
    github.fake.script(ISSUES_ROUTE, {
      status: 403,
      headers: { 'retry-after': '120' },
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
    });
    const answer = await callTool(github.server, 'list_issues', listIssues);
    expect(answer.isError).toBe(true);
    expect(answer.text).toBe("GitHub's secondary rate limit was hit (too many requests in a short time). Wait about 2 min before trying again.");
    expect(github.fake.requests).toHaveLength(1);
  });

  it('the secondary rate limit with a short Retry-After is retried once, then answers', async () => {
    github.fake.script(ISSUES_ROUTE, {
      status: 429,
      headers: { 'retry-after': '2' },
      body: { message: 'You have exceeded a secondary rate limit.' },
    });
    const answer = await callTool(github.server, 'list_issues', listIssues);
    expect(answer.isError).toBe(false);
    expect(answer.text).toContain('#1 [open] Found a bug');
    expect(github.fake.requests).toHaveLength(2);
    expect(github.server.stderr()).toContain('secondary rate limit hit; retrying once after 2 s');
  });

  it('a secondary rate limit that persists after the one retry reaches the person', async () => {
    const limited = { status: 403, headers: { 'retry-after': '3' }, body: { message: 'You have exceeded a secondary rate limit.' } };
    github.fake.script(ISSUES_ROUTE, limited, limited, limited);
    const answer = await callTool(github.server, 'list_issues', listIssues);
    expect(answer.text).toBe("GitHub's secondary rate limit was hit (too many requests in a short time). Wait 3 s before trying again.");
    expect(github.fake.requests).toHaveLength(2);
  });

  it('a missing repository (404) names it and suggests what to check', async () => {
    const answer = await callTool(github.server, 'list_issues', { owner: 'octocat', repo: 'no-such-repo' });
    expect(answer.isError).toBe(true);
    expect(answer.text).toBe(
      'Repository octocat/no-such-repo was not found, or the token cannot see it. Check the spelling; for a private repository the token needs access to it.',
    );
  });

  it('a 403 that is not a rate limit passes on GitHub\'s reason and names the likely cause', async () => {
    github.fake.script(ISSUES_ROUTE, { status: 403, body: { message: 'Resource not accessible by personal access token', documentation_url: 'https://docs.github.com/rest' } });
    const answer = await callTool(github.server, 'list_issues', listIssues);
    expect(answer.text).toBe(
      'GitHub refused access to repository octocat/hello-world (403: Resource not accessible by personal access token). ' +
        'The token may lack a permission this needs (for example "Issues: Read and write" to change issues), or an organization policy blocks it.',
    );
    expect(github.fake.requests).toHaveLength(1);
  });

  it('a 5xx is retried and the answer after it is used', async () => {
    github.fake.script(ISSUES_ROUTE, { status: 502, body: 'Bad Gateway' });
    const answer = await callTool(github.server, 'list_issues', listIssues);
    expect(answer.isError).toBe(false);
    expect(answer.text).toContain('#1 [open] Found a bug');
    expect(github.fake.requestsTo('/issues')).toHaveLength(2);
  });

  it('a 5xx that persists is reported after two retries', async () => {
    const unavailable = { status: 503, body: { message: 'Service Unavailable' } };
    github.fake.script(ISSUES_ROUTE, unavailable, unavailable, unavailable);
    const answer = await callTool(github.server, 'list_issues', listIssues);
    expect(answer.isError).toBe(true);
    expect(answer.text).toBe('GitHub is having problems (HTTP 503). Try again in a few minutes.');
    expect(github.fake.requests).toHaveLength(3);
  });

  it('a GitHub that does not answer in time is reported as a timeout, once', async () => {
    // Long enough for the request to reach the fake GitHub even on a busy machine, which the count below needs.
    const extraServer = await github.startServerForTest({ GITHUB_TIMEOUT_MS: '1000' });
    github.fake.script(ISSUES_ROUTE, { status: 200, body: [], delayMs: 5_000 });
    const answer = await callTool(extraServer, 'list_issues', listIssues);
    expect(answer.isError).toBe(true);
    expect(answer.text).toBe(
      'GitHub did not answer within 1 s. Try again; if GitHub is slow right now, raise GITHUB_TIMEOUT_MS in MCP Tray (Servers > github > Settings).',
    );
    expect(github.fake.requests).toHaveLength(1);
  });

  it('an unreachable GitHub Enterprise URL names the URL and the setting to check', async () => {
    const port = await closedPort();
    const extraServer = await github.startServerForTest({ GITHUB_API_URL: `http://127.0.0.1:${port}/api/v3` });
    const answer = await callTool(extraServer, 'list_issues', listIssues);
    expect(answer.isError).toBe(true);
    expect(answer.text).toBe(
      `Could not reach GitHub at http://127.0.0.1:${port}/api/v3 (ECONNREFUSED). Check the network connection and GITHUB_API_URL, then try again.`,
    );
  });

  it('no error text carries a stack, a documentation link or the raw GitHub JSON', async () => {
    github.fake.script(ISSUES_ROUTE, { status: 418, body: { message: "I'm a teapot", documentation_url: 'https://docs.github.com/rest' } });
    const answer = await callTool(github.server, 'list_issues', listIssues);
    expect(answer.text).toBe("GitHub refused the request about repository octocat/hello-world (HTTP 418: I'm a teapot).");
    expect(answer.text).not.toMatch(/at \S+ \(|docs\.github\.com|\{"/);
  });
});
