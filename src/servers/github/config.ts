import { readFlagEnv, readLogLevelEnv, readNumberEnv, readStringEnv, readUrlEnv } from '../kit/env';

export interface GitHubConfig {
  /** GITHUB_TOKEN; undefined means anonymous: public reads only, at GitHub's 60 requests an hour. */
  token: string | undefined;
  /** GITHUB_API_URL without a trailing slash: https://api.github.com, or https://<host>/api/v3 for GitHub Enterprise Server. */
  apiUrl: string;
  /** GITHUB_READ_ONLY=1: no tool that writes is registered at all. */
  readOnly: boolean;
  /** GITHUB_TIMEOUT_MS: how long one HTTP request to GitHub may take. */
  timeoutMs: number;
  /**
   * GITHUB_RETRY_BASE_MS: the unit Octokit's retry waits are counted in (1000 = GitHub's seconds).
   * Retries of 5xx wait 1, 4 units; a short Retry-After of N s waits N units. Tests set it low
   * so retries do not slow the suite; leave it unset otherwise.
   */
  retryBaseMs: number;
  logLevel: string;
}

export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';

/** Reads the github server's settings; a bad value throws an Error naming the variable (never echoing the token). */
export function readGitHubConfig(env: NodeJS.ProcessEnv): GitHubConfig {
  const logLevel = readLogLevelEnv(env);
  return {
    token: readToken(env),
    apiUrl: readUrlEnv(env, 'GITHUB_API_URL', DEFAULT_GITHUB_API_URL).href.replace(/\/+$/, ''),
    readOnly: readFlagEnv(env, 'GITHUB_READ_ONLY'),
    timeoutMs: readNumberEnv(env, 'GITHUB_TIMEOUT_MS', 15_000, { min: 100, max: 300_000 }),
    retryBaseMs: readNumberEnv(env, 'GITHUB_RETRY_BASE_MS', 1_000, { min: 0, max: 10_000 }),
    logLevel,
  };
}

function readToken(env: NodeJS.ProcessEnv): string | undefined {
  const token = readStringEnv(env, 'GITHUB_TOKEN');
  if (!token) return undefined;
  // A token pasted with a label or a second line would be sent as a broken header; say so without echoing it.
  if (/[^\x21-\x7e]/.test(token)) {
    throw new Error(
      'GITHUB_TOKEN contains spaces, line breaks or other characters a token never has. Paste the token alone (it starts with "ghp_" or "github_pat_").',
    );
  }
  return token;
}
