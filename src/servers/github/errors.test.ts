import { describe, expect, it } from 'vitest';
import { ToolFailure } from '../kit/errors';
import { toGitHubFailure, tokenSettingsUrl, validationDetails, type GitHubErrorContext } from './errors';
import { GitHubTimeoutError } from './call-signal';

/** The parts of Octokit's RequestError the mapping reads. */
function httpError(status: number, data: unknown, headers: Record<string, string> = {}): Error {
  return Object.assign(new Error(`HTTP ${status}`), { name: 'HttpError', status, response: { status, headers, data, url: 'https://api.github.com/x' } });
}

const context: GitHubErrorContext = {
  subject: 'Repository octocat/hello-world',
  token: 'tok-secret-value-123',
  apiUrl: 'https://api.github.com',
  now: () => new Date('2024-05-01T10:00:00Z'),
};

function message(error: unknown, overrides: Partial<GitHubErrorContext> = {}): string {
  const failure = toGitHubFailure(error, { ...context, ...overrides });
  expect(failure).toBeInstanceOf(ToolFailure);
  return (failure as ToolFailure).message;
}

describe('GitHub errors as messages a person can act on', () => {
  it('turns 422 errors into one sentence from messages, or field and code', () => {
    expect(
      validationDetails({
        message: 'Validation Failed',
        errors: [
          { resource: 'Issue', code: 'missing_field', field: 'title' },
          { value: 'ghost', resource: 'Issue', field: 'assignees', code: 'invalid' },
          { resource: 'Label', code: 'already_exists', field: 'name' },
          { message: 'The listed users cannot be searched.\n', resource: 'Search', field: 'q', code: 'invalid' },
          'plain string error',
          { resource: 'Issue', code: 'custom_thing', field: 'body' },
        ],
      }),
    ).toBe('title is required; assignees "ghost" is not valid; name already exists; The listed users cannot be searched; plain string error; body custom thing');
    expect(validationDetails({ message: 'Validation Failed' })).toBe('');
  });

  it('computes the reset time of the primary rate limit in local time', () => {
    const reset = Date.parse('2024-05-01T10:42:10Z') / 1000;
    const text = message(httpError(403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }));
    const local = new Date(reset * 1000);
    const clock = `${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}`;
    expect(text).toBe(`GitHub rate limit reached; it resets at ${clock} (in 43 min).`);
    const anonymous = message(httpError(429, {}, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }), { token: undefined });
    expect(anonymous).toContain('Without a token GitHub allows 60 requests an hour');
  });

  it('says how long to wait for the secondary rate limit', () => {
    expect(message(httpError(403, { message: 'You have exceeded a secondary rate limit' }, { 'retry-after': '30' }))).toContain('Wait 30 s before trying again.');
    expect(message(httpError(403, { message: 'You have exceeded a secondary rate limit' }))).toContain('Wait a minute or two before trying again.');
    expect(message(httpError(429, {}))).toContain('secondary rate limit');
  });

  it('names the thing that was not found and adapts the advice to whether there is a token', () => {
    expect(message(httpError(404, { message: 'Not Found' }))).toBe(
      'Repository octocat/hello-world was not found, or the token cannot see it. Check the spelling; for a private repository the token needs access to it.',
    );
    expect(message(httpError(404, { message: 'Not Found' }), { token: undefined })).toContain('a private repository needs GITHUB_TOKEN');
  });

  it('asks for a new token on 401, or for a token when there is none', () => {
    expect(message(httpError(401, { message: 'Bad credentials' }))).toContain('GitHub rejected the token (401). Create a new token at https://github.com/settings/tokens');
    expect(message(httpError(401, { message: 'Requires authentication' }), { token: undefined })).toBe(
      'Repository octocat/hello-world needs a GitHub token. GitHub token is not set. Set GITHUB_TOKEN for the github server in MCP Tray (Servers > github > Settings) and restart it.',
    );
  });

  it('scrubs the token from anything GitHub said', () => {
    const text = message(httpError(400, { message: 'Weird token tok-secret-value-123 and ghp_abcdefghijklmnopqrstuvwxyz0123456789' }));
    expect(text).not.toContain('tok-secret-value-123');
    expect(text).not.toContain('ghp_abcdefghij');
    expect(text).toContain('[redacted]');
  });

  it('reports timeouts and server errors without details, and leaves unknown errors to the generic handler', () => {
    expect(message(new GitHubTimeoutError(15_000))).toContain('GitHub did not answer within 15 s.');
    expect(message(httpError(500, 'oops'))).toBe('GitHub is having problems (HTTP 500). Try again in a few minutes.');
    const unknown = new RangeError('bug');
    expect(toGitHubFailure(unknown, context)).toBe(unknown);
  });

  it('points to the token settings of GitHub Enterprise hosts', () => {
    expect(tokenSettingsUrl('https://api.github.com')).toBe('https://github.com/settings/tokens');
    expect(tokenSettingsUrl('https://ghe.example.com/api/v3')).toBe('https://ghe.example.com/settings/tokens');
    expect(tokenSettingsUrl('https://api.acme.ghe.com')).toBe('https://acme.ghe.com/settings/tokens');
  });
});
