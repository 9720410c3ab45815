import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ErrorCode, type ListRootsResult, type Result } from '@modelcontextprotocol/sdk/types.js';
import type { ServerToClientMethod } from '../server-connection';
import { clientAnswerError } from './bridge-errors';

/** roots/list answered from the server's roots setting: each folder as a file URI, named by its last part. */
export function rootsAnswer(folders: readonly string[]): ListRootsResult {
  return { roots: folders.map((folder) => ({ uri: pathToFileURL(folder).href, name: path.basename(folder) || folder })) };
}

/**
 * What a server gets when no client can take its request: its roots from the setting, a declined
 * elicitation (MCP 2025-11-25, Client > Elicitation: "decline" is an explicit no), and an error
 * for sampling, which has no way to say no. `why` says what happened, in the error and the log.
 */
export function unroutedAnswer(method: ServerToClientMethod, roots: readonly string[], why: string): Result {
  if (method === 'roots/list') return rootsAnswer(roots);
  if (method === 'elicitation/create') return { action: 'decline' };
  // Carries the code without McpError's "MCP error <code>:" prefix, which the server's SDK adds itself.
  throw clientAnswerError({ code: ErrorCode.InvalidRequest, message: `Sampling is not available: ${why}` });
}
