import { randomUUID } from 'node:crypto';
import type { CallToolResult } from '@modelcontextprotocol/server';
import type { ServerLogger } from './logger';
import { describeToolError, ToolFailure, toolErrorResult } from './errors';
import { runThroughToolCallGate } from './remote/tool-call-gate';

/**
 * Runs one tool call: one log line with tool, request id, duration and outcome, and any
 * thrown error turned into an `isError` result a person can act on (never a stack).
 */
export function runTool(
  logger: ServerLogger,
  tool: string,
  upstream: string,
  handler: () => Promise<CallToolResult>,
  /** The call's signal: once it aborts, the failure it causes is a cancellation, not an error. */
  signal?: AbortSignal,
): Promise<CallToolResult> {
  // In HTTP mode the gate applies the caller's rate limit and records the call's metrics.
  return runThroughToolCallGate(tool, () => runAndLog(logger, tool, upstream, handler, signal));
}

async function runAndLog(
  logger: ServerLogger,
  tool: string,
  upstream: string,
  handler: () => Promise<CallToolResult>,
  signal: AbortSignal | undefined,
): Promise<CallToolResult> {
  const requestId = randomUUID();
  const startedAt = performance.now();
  const durationMs = () => Math.round((performance.now() - startedAt) * 100) / 100;
  try {
    const result = await handler();
    logger.info({ tool, request_id: requestId, duration_ms: durationMs(), outcome: result.isError ? 'error' : 'ok' }, 'tool call');
    return result;
  } catch (error) {
    if (signal?.aborted) {
      logger.info({ tool, request_id: requestId, duration_ms: durationMs(), outcome: 'cancelled' }, 'tool call');
      return toolErrorResult('The call was cancelled.');
    }
    const message = describeToolError(error, upstream);
    if (error instanceof ToolFailure) {
      logger.info({ tool, request_id: requestId, duration_ms: durationMs(), outcome: 'error', kind: error.kind, message }, 'tool call');
    } else {
      logger.error({ tool, request_id: requestId, duration_ms: durationMs(), outcome: 'failed', err: error }, 'tool call failed unexpectedly');
    }
    return toolErrorResult(message);
  }
}
