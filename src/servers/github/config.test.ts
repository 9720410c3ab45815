import { describe, expect, it } from 'vitest';
import { readGitHubConfig } from './config';

describe('github server settings', () => {
  it('has working defaults without any setting', () => {
    expect(readGitHubConfig({})).toEqual({
      token: undefined,
      apiUrl: 'https://api.github.com',
      readOnly: false,
      timeoutMs: 15_000,
      retryBaseMs: 1_000,
      logLevel: 'info',
    });
  });

  it('reads every variable, trimming the token and the trailing slash of an Enterprise URL', () => {
    const config = readGitHubConfig({
      GITHUB_TOKEN: '  ghp_abc123  \n',
      GITHUB_API_URL: 'https://ghe.example.com/api/v3/',
      GITHUB_READ_ONLY: '1',
      GITHUB_TIMEOUT_MS: '5000',
      GITHUB_RETRY_BASE_MS: '10',
      LOG_LEVEL: 'DEBUG',
    });
    expect(config).toEqual({ token: 'ghp_abc123', apiUrl: 'https://ghe.example.com/api/v3', readOnly: true, timeoutMs: 5000, retryBaseMs: 10, logLevel: 'debug' });
  });

  it('treats an empty token as no token and refuses one with spaces without echoing it', () => {
    expect(readGitHubConfig({ GITHUB_TOKEN: '   ' }).token).toBeUndefined();
    expect(() => readGitHubConfig({ GITHUB_TOKEN: 'ghp_secret123 oops' })).toThrow(/^GITHUB_TOKEN contains spaces/);
    try {
      readGitHubConfig({ GITHUB_TOKEN: 'ghp_secret123 oops' });
    } catch (error) {
      expect(String(error)).not.toContain('ghp_secret123');
    }
  });
});
