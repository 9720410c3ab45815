import type { McpServer, ToolCallback } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ShapeOutput, ZodRawShapeCompat } from '@modelcontextprotocol/sdk/server/zod-compat.js';
import type { CallToolResult, ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type { Logger } from 'pino';
import { REDACTED } from '../../shared/redact';
import { runTool } from '../kit/tool-runner';
import type { GitHubConfig } from './config';
import { missingTokenFailure, toGitHubFailure } from './errors';
import type { GitHubClient } from './octokit';

export interface GitHubToolContext {
  github: GitHubClient;
  config: GitHubConfig;
  logger: Logger;
}

/** Reads public or private GitHub data; repeating a call changes nothing. */
export const READS_GITHUB: ToolAnnotations = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: true,
};

export interface GitHubToolDefinition<Input extends ZodRawShapeCompat, Output extends ZodRawShapeCompat> {
  name: string;
  title: string;
  description: string;
  inputSchema: Input;
  outputSchema?: Output;
  annotations: ToolAnnotations;
  /** Tools that change anything on GitHub: left out entirely in read-only mode, and they need a token. */
  writes?: boolean;
  /** A read that GitHub only answers for a signed-in user (e.g. get_me). */
  needsToken?: boolean;
  run: (args: ShapeOutput<Input>, context: GitHubToolContext) => Promise<CallToolResult>;
}

export function registerGitHubTool<Input extends ZodRawShapeCompat, Output extends ZodRawShapeCompat>(
  server: McpServer,
  context: GitHubToolContext,
  definition: GitHubToolDefinition<Input, Output>,
): void {
  const { name, title, description, inputSchema, outputSchema, annotations, writes = false, needsToken = false } = definition;
  if (writes && context.config.readOnly) return;
  const handler = (args: ShapeOutput<Input>) =>
    runTool(context.logger, name, 'GitHub', async () => {
      if ((writes || needsToken) && !context.config.token) throw missingTokenFailure();
      return withoutToken(await definition.run(args, context), context.config.token);
    });
  server.registerTool(
    name,
    { title, description, inputSchema, ...(outputSchema ? { outputSchema } : {}), annotations: { title, ...annotations } },
    // The SDK's callback type is a conditional type over the schema, which TypeScript cannot resolve for a generic one.
    handler as unknown as ToolCallback<Input>,
  );
}

/**
 * The token must never reach a client, even when GitHub content happens to contain it (a pasted token in an
 * issue). Only the exact value is replaced: content that merely looks like a token is left as it is.
 */
function withoutToken(result: CallToolResult, token: string | undefined): CallToolResult {
  if (!token || !JSON.stringify(result).includes(token)) return result;
  return JSON.parse(hideToken(JSON.stringify(result), token)) as CallToolResult;
}

/** The same for prompt and resource text. */
export function hideToken(text: string, token: string | undefined): string {
  return token ? text.replaceAll(token, REDACTED) : text;
}

/** Sends one request and turns any failure into a message about `subject`, e.g. 'Repository octocat/hello-world'. */
export async function requestGitHub<T>(
  context: GitHubToolContext,
  subject: string,
  send: (github: GitHubClient) => Promise<T>,
): Promise<T> {
  try {
    return await send(context.github);
  } catch (error) {
    throw toGitHubFailure(error, { subject, token: context.config.token, apiUrl: context.config.apiUrl });
  }
}

/** Text for the model plus, where it helps a program, the same facts as structured data. */
export function toolResult(text: string, structuredContent?: Record<string, unknown>): CallToolResult {
  return structuredContent ? { content: [{ type: 'text', text }], structuredContent } : { content: [{ type: 'text', text }] };
}

export function repositoryName(owner: string, repo: string): string {
  return `${owner}/${repo}`;
}
