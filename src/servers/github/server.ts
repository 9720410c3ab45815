import { McpServer, type McpServerFactory } from '@modelcontextprotocol/server';
import type { ServerLogger } from '../kit/logger';
import { createServerLogger } from '../kit/logger';
import { serveByFlag } from '../kit/serve';
import { readGitHubConfig, type GitHubConfig } from './config';
import type { GitHubClient } from './octokit';
import { registerReadmeResource } from './readme-resource';
import { registerSummarizePullRequestPrompt } from './summarize-pull-request-prompt';
import { gitHubToolCards, gitHubToolRegistrar, type GitHubToolCard } from './tool-cards';
import type { GitHubToolContext } from './tool-definition';
import { GITHUB_SERVER_VERSION } from './version';

const INSTRUCTIONS =
  'Tools for GitHub: repositories, files, commits, issues, pull requests and search. ' +
  'owner and repo are separate arguments ("octocat" and "hello-world", not "octocat/hello-world"). ' +
  'Lists are paged: when a result says there is a next page, call again with page + 1. ' +
  'Search tools take GitHub search syntax (qualifiers such as repo:, is:open, language:).';

/**
 * What lives as long as the process: one Octokit, so its throttling sees every call. Octokit and its
 * plugins load on the first request to GitHub: a start that only lists the tools never needs them.
 */
export function createGitHubRuntime(config: GitHubConfig, logger: ServerLogger): GitHubToolContext {
  let client: Promise<GitHubClient> | undefined;
  const github = () => (client ??= import('./octokit').then(({ createGitHubClient }) => createGitHubClient(config, logger)));
  return { github, config, logger };
}

/**
 * Builds one GitHub MCP server (every tool, the prompt and the README resource) over the shared runtime.
 * The SDK calls it per HTTP request and per stdio connection, so it only registers.
 */
export function gitHubServerFactory(context: GitHubToolContext, cards: readonly GitHubToolCard[]): McpServerFactory {
  const instructions = context.config.readOnly ? `${INSTRUCTIONS} This server is read-only: it cannot change anything on GitHub.` : INSTRUCTIONS;
  const registerTools = gitHubToolRegistrar(context, cards);
  return () => {
    const server = new McpServer({ name: 'github', title: 'GitHub', version: GITHUB_SERVER_VERSION }, { instructions });
    registerTools(server);
    registerSummarizePullRequestPrompt(server, context);
    registerReadmeResource(server, context);
    return server;
  };
}

/** Reads the environment, then serves. A bad setting throws before anything is written to stdout. */
export async function runGitHubServer(env: NodeJS.ProcessEnv, argv: readonly string[]): Promise<void> {
  const config = readGitHubConfig(env);
  const logger = createServerLogger('github', { secrets: config.token ? [config.token] : [], level: config.logLevel });
  logger.info({ api_url: config.apiUrl, read_only: config.readOnly, timeout_ms: config.timeoutMs, has_token: config.token !== undefined }, 'starting');
  if (!config.token) {
    logger.warn(
      'GITHUB_TOKEN is not set: only public data can be read (GitHub allows 60 requests an hour without a token), and tools that write will ask for a token.',
    );
  }
  const factory = gitHubServerFactory(createGitHubRuntime(config, logger), await gitHubToolCards());
  await serveByFlag('github', factory, env, argv, logger, config.token ? 'GITHUB_TOKEN' : undefined);
}
