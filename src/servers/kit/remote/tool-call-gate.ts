import type { CallToolResult } from '@modelcontextprotocol/server';
import { toolErrorResult } from '../errors';
import { ANONYMOUS_CALLER } from './caller';
import type { CallerRateLimiter } from './caller-rate-limit';
import { currentRequestContext } from './request-context';
import type { ServerMetrics, ToolOutcome } from './server-metrics';

/**
 * What every tool call passes through in HTTP mode: the caller's rate limit, then the call, counted
 * and timed. A limited call is an `isError` result that says when to try again, not a protocol error,
 * so the model reading it can wait and retry.
 */
export class ToolCallGate {
  constructor(
    private readonly limiter: CallerRateLimiter,
    private readonly metrics: ServerMetrics,
  ) {}

  async run(tool: string, call: () => Promise<CallToolResult>): Promise<CallToolResult> {
    const caller = currentRequestContext()?.caller ?? ANONYMOUS_CALLER;
    const finished = this.metrics.toolCallStarted(tool, caller);
    let outcome: ToolOutcome = 'failed';
    try {
      const verdict = await this.limiter.take(caller.id);
      if (!verdict.allowed) {
        outcome = 'rate_limited';
        const seconds = `${verdict.retryAfterSeconds} s`;
        return toolErrorResult(
          verdict.reason === 'store-unavailable'
            ? `This server cannot check its rate limits right now, so it is refusing tool calls. Try again in ${seconds}.`
            : `Too many tool calls from ${caller.logName}: the limit is reached. Try again in ${seconds}.`,
        );
      }
      const result = await call();
      outcome = result.isError ? 'error' : 'ok';
      return result;
    } finally {
      finished(outcome);
    }
  }
}

let installedGate: ToolCallGate | undefined;

/** HTTP mode installs its gate once at start; over stdio there is none and calls run directly. */
export function installToolCallGate(gate: ToolCallGate | undefined): void {
  installedGate = gate;
}

export function runThroughToolCallGate(tool: string, call: () => Promise<CallToolResult>): Promise<CallToolResult> {
  return installedGate ? installedGate.run(tool, call) : call();
}
