import type { McpServer } from '@modelcontextprotocol/server';
import * as z from 'zod';
import { ToolFailure } from '../kit/errors';
import { drawOnCallerLimit } from '../kit/remote/tool-call-gate';
import { toolSchema } from '../kit/tool-schema';
import { asProtocolError } from './errors';
import { withCallSignal } from './call-signal';
import { hideToken, type GitHubToolContext } from './tool-definition';
import { loadPullRequest, pullRequestText } from './tools/pull-request-details';
import { isValidOwner, isValidRepo, OWNER_HINT, REPO_HINT } from './validation';

const NUMBER_HINT = 'number must be the pull request number, e.g. "42".';

/** Prompt arguments are always strings in MCP, so the number is checked as digits. */
const promptArguments = toolSchema('summarize-pull-request.args', {
  owner: z.string({ error: OWNER_HINT }).trim().refine(isValidOwner, { error: OWNER_HINT }).describe('Repository owner, e.g. "octocat".'),
  repo: z.string({ error: REPO_HINT }).trim().refine(isValidRepo, { error: REPO_HINT }).describe('Repository name, e.g. "hello-world".'),
  number: z
    .string({ error: NUMBER_HINT })
    .trim()
    .regex(/^#?[1-9][0-9]{0,9}$/, { error: NUMBER_HINT })
    .describe('Pull request number, e.g. "42".'),
});

export function registerSummarizePullRequestPrompt(server: McpServer, context: GitHubToolContext): void {
  server.registerPrompt(
    'summarize-pull-request',
    {
      title: 'Summarize a pull request',
      description: 'Fetches a pull request (description, branches, changed files) and asks for a short review-ready summary.',
      argsSchema: promptArguments,
    },
    async ({ owner, repo, number }, ctx) => {
      const pullNumber = Number(number.replace('#', ''));
      try {
        await drawOnCallerLimit();
        const details = await withCallSignal(ctx.mcpReq.signal, () => loadPullRequest(context, owner, repo, pullNumber));
        context.logger.info({ prompt: 'summarize-pull-request', owner, repo, number: pullNumber, outcome: 'ok' }, 'prompt');
        const instructions =
          `Summarize pull request ${owner}/${repo}#${pullNumber} for a reviewer. In a few short paragraphs or bullets: ` +
          'what it changes and why (from the description), which areas of the code it touches (from the changed files), ' +
          'its size and state, and anything a reviewer should look at closely (risky files, missing tests, large deletions). ' +
          'Do not invent details that are not in the data below; use get_file_contents or list_commits if you need more.';
        return {
          description: `Summary of ${owner}/${repo}#${pullNumber}: ${details.title}`,
          messages: [{ role: 'user', content: { type: 'text', text: hideToken(`${instructions}\n\n${pullRequestText(details)}`, context.config.token) } }],
        };
      } catch (error) {
        const failure = asProtocolError(error);
        const fields = { prompt: 'summarize-pull-request', owner, repo, number: pullNumber };
        if (error instanceof ToolFailure) context.logger.info({ ...fields, outcome: 'error', message: failure.message }, 'prompt');
        else context.logger.error({ ...fields, outcome: 'failed', err: error }, 'prompt failed unexpectedly');
        throw failure;
      }
    },
  );
}
