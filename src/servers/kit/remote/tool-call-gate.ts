import type { CallToolResult } from '@modelcontextprotocol/server';
import { ToolFailure, toolErrorResult } from '../errors';
import { ANONYMOUS_CALLER, type Caller } from './caller';
import type { CallerRateLimiter, RateVerdict } from './caller-rate-limit';
import { currentRequestContext } from './request-context';
import type { ServerMetrics, ToolOutcome } from './server-metrics';

/**
 * What every tool call passes through in HTTP mode: the caller's rate limit, then the call, counted
 * and timed. A limited call is an `isError` result that says when to try again, not a protocol error,
 * so the model reading it can wait and retry. Resource reads and prompts that call the upstream draw on
 * the same limit through `admit` (refused with a protocol error: they have no `isError`); discovery,
 * lists and pings do not.
 */
export class ToolCallGate {
  constructor(
    private readonly limiter: CallerRateLimiter,
    private readonly metrics: ServerMetrics,
  ) {}

  async run(tool: string, call: () => Promise<CallToolResult>): Promise<CallToolResult> {
    const caller = currentCaller();
    const finished = this.metrics.toolCallStarted(tool, caller);
    let outcome: ToolOutcome = 'failed';
    try {
      const verdict = await this.limiter.take(caller.id);
      if (!verdict.allowed) {
        outcome = 'rate_limited';
        return toolErrorResult(refusal(verdict, caller, 'tool calls'));
      }
      const result = await call();
      outcome = result.isError ? 'error' : 'ok';
      return result;
    } finally {
      finished(outcome);
    }
  }

  /** Takes the caller's share for a request that is not a tool call but costs as much; throws when the limit is reached. */
  async admit(): Promise<void> {
    const caller = currentCaller();
    const verdict = await this.limiter.take(caller.id);
    if (verdict.allowed) return;
    this.metrics.rateLimitRejected(caller);
    throw new ToolFailure(refusal(verdict, caller, 'requests'), 'rate_limited');
  }
}

function currentCaller(): Caller {
  return currentRequestContext()?.caller ?? ANONYMOUS_CALLER;
}

function refusal(verdict: Extract<RateVerdict, { allowed: false }>, caller: Caller, what: 'tool calls' | 'requests'): string {
  const seconds = `${verdict.retryAfterSeconds} s`;
  return verdict.reason === 'store-unavailable'
    ? `This server cannot check its rate limits right now, so it is refusing ${what}. Try again in ${seconds}.`
    : `Too many ${what} from ${caller.logName}: the limit is reached. Try again in ${seconds}.`;
}

let installedGate: ToolCallGate | undefined;

/** HTTP mode installs its gate once at start; over stdio there is none and calls run directly. */
export function installToolCallGate(gate: ToolCallGate | undefined): void {
  installedGate = gate;
}

export function runThroughToolCallGate(tool: string, call: () => Promise<CallToolResult>): Promise<CallToolResult> {
  return installedGate ? installedGate.run(tool, call) : call();
}

/**
 * For a resource read or prompt that calls the upstream: in HTTP mode it costs the caller what a tool
 * call costs (a ToolFailure of kind rate_limited when the limit is reached); over stdio it is free.
 */
export function drawOnCallerLimit(): Promise<void> {
  return installedGate ? installedGate.admit() : Promise.resolve();
}
