import type { CallToolResult, McpServer, ServerContext, ToolAnnotations } from '@modelcontextprotocol/server';
import * as z from 'zod';
import type { ServerLogger } from '../kit/logger';
import { REDACTED } from '../../shared/redact';
import { runTool } from '../kit/tool-runner';
import { toolSchema } from '../kit/tool-schema';
import type { GitHubConfig } from './config';
import { withCallSignal } from './call-signal';
import { missingTokenFailure, toGitHubFailure } from './errors';
import type { GitHubClient } from './octokit';

export interface GitHubToolContext {
  /** The one Octokit of the process, created on first use. */
  github: () => Promise<GitHubClient>;
  config: GitHubConfig;
  logger: ServerLogger;
}

type ZodRawShape = Record<string, z.ZodType>;
type ShapeOutput<Shape extends ZodRawShape> = z.infer<z.ZodObject<Shape>>;

/** Reads public or private GitHub data; repeating a call changes nothing. */
export const READS_GITHUB: ToolAnnotations = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: true,
};

/** A GitHub tool as written: raw zod shapes for its input and output. */
export interface GitHubToolSpec<Input extends ZodRawShape, Output extends ZodRawShape> {
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

/**
 * A GitHub tool as the server runs it: built once per process, so each server instance only registers
 * it. Its argument types are erased here so that every tool fits one list.
 */
export interface GitHubTool {
  name: string;
  writes: boolean;
  needsToken: boolean;
  config: {
    title: string;
    description: string;
    inputSchema: z.ZodObject;
    outputSchema?: z.ZodObject;
    annotations: ToolAnnotations;
  };
  /** Runs the tool on arguments its own input schema has already parsed. */
  call: (args: Record<string, unknown>, context: GitHubToolContext) => Promise<CallToolResult>;
}

export function defineGitHubTool<Input extends ZodRawShape, Output extends ZodRawShape>(spec: GitHubToolSpec<Input, Output>): GitHubTool {
  const { name, title, description, inputSchema, outputSchema, annotations, writes = false, needsToken = false, run } = spec;
  return {
    name,
    writes,
    needsToken,
    config: {
      title,
      description,
      inputSchema: toolSchema(`${name}.input`, inputSchema),
      ...(outputSchema ? { outputSchema: toolSchema(`${name}.output`, outputSchema) } : {}),
      annotations: { title, ...annotations },
    },
    // The SDK hands a handler what the tool's input schema (this one) parsed: the shape `run` expects.
    call: (args, context) => run(args as ShapeOutput<Input>, context),
  };
}

/** One call of `tool`, as every GitHub tool runs: the token checked, the call's signal passed on, the token kept out of the answer. */
export function runGitHubTool(tool: Pick<GitHubTool, 'name' | 'writes' | 'needsToken'>, call: () => Promise<CallToolResult>, context: GitHubToolContext, ctx: ServerContext): Promise<CallToolResult> {
  return runTool(context.logger, tool.name, 'GitHub', async () => {
    if ((tool.writes || tool.needsToken) && !context.config.token) throw missingTokenFailure();
    return withoutToken(await withCallSignal(ctx.mcpReq.signal, call), context.config.token);
  }, ctx.mcpReq.signal);
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
    return await send(await context.github());
  } catch (error) {
    throw toGitHubFailure(error, { subject, token: context.config.token, apiUrl: context.config.apiUrl });
  }
}

/** Text for the model plus, where it helps a program, the same facts as structured data. */
export function toolResult(text: string, structuredContent?: Record<string, unknown>): CallToolResult {
  return structuredContent ? { content: [{ type: 'text', text }], structuredContent } : { content: [{ type: 'text', text }] };
}
