/**
 * Runs tool calls for one server and remembers, per tool, the call in flight or the last outcome.
 * It lives outside React so a call keeps going (and lands in history) while the user looks at
 * another tool or tab, and so it can be tested without a DOM.
 */
import type { ContractErrorCode } from '../../../shared/contract';
import { messageOf } from '../../../shared/error-message';
import { ApiError, type ApiClient } from '../../api/api-client';
import { summarize, type CallHistoryEntry, type CallHistoryStore } from '../history/call-history';
import type { CallToolResult, ToolArguments } from '../mcp-types';

/** What a runner needs of the manager: tools.call, calls.cancel and call.progress. */
export type ToolCallApi = Pick<ApiClient, 'call' | 'on'>;

export interface CallProgress {
  progress: number;
  total?: number;
  message?: string;
}

export type ToolCallState =
  | { status: 'idle' }
  | {
      status: 'running';
      callId: string;
      startedAt: number;
      arguments: ToolArguments;
      progress: CallProgress | null;
      cancelRequested: boolean;
    }
  | { status: 'done'; callId: string; arguments: ToolArguments; durationMs: number; result: CallToolResult }
  | { status: 'failed'; callId: string; arguments: ToolArguments; code: ContractErrorCode; message: string; durationMs: number | null };

const IDLE: ToolCallState = { status: 'idle' };

interface ToolCallRunnerOptions {
  newCallId?: () => string;
  /** Milliseconds since the epoch; injectable so tests control time. */
  now?: () => number;
}

/** One line for the history row: the result's first text, or what kinds of content it has. */
export function summarizeResult(result: CallToolResult): string {
  const text = result.content.find((block) => block.type === 'text');
  if (text && text.type === 'text' && text.text.trim() !== '') return summarize(text.text);
  if (result.content.length === 0) return result.structuredContent ? 'structured content' : 'empty result';
  return result.content.map((block) => block.type.replace('_', ' ')).join(', ');
}

export class ToolCallRunner {
  private readonly states = new Map<string, ToolCallState>();
  private readonly toolOfCall = new Map<string, string>();
  private readonly listeners = new Set<() => void>();
  private unsubscribeProgress: (() => void) | null = null;
  private readonly newCallId: () => string;
  private readonly now: () => number;

  constructor(
    private readonly api: ToolCallApi,
    private readonly history: CallHistoryStore,
    readonly serverId: string,
    options: ToolCallRunnerOptions = {},
  ) {
    this.newCallId = options.newCallId ?? (() => crypto.randomUUID());
    this.now = options.now ?? (() => Date.now());
  }

  state(toolName: string): ToolCallState {
    return this.states.get(toolName) ?? IDLE;
  }

  /** An arrow so React can hold it unbound (useSyncExternalStore). */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Starts a call unless one is already running for this tool; resolves when it has ended. */
  async run(toolName: string, args: ToolArguments): Promise<void> {
    if (this.state(toolName).status === 'running') return;
    this.listenForProgress();
    const callId = this.newCallId();
    const startedAt = this.now();
    this.toolOfCall.set(callId, toolName);
    this.setState(toolName, { status: 'running', callId, startedAt, arguments: args, progress: null, cancelRequested: false });
    let outcome: ToolCallState;
    try {
      const response = await this.api.call('tools.call', { serverId: this.serverId, name: toolName, arguments: args, callId });
      outcome = { status: 'done', callId, arguments: args, durationMs: response.durationMs, result: response.result };
    } catch (error) {
      const code = error instanceof ApiError ? error.code : 'failed';
      const message = messageOf(error);
      outcome = { status: 'failed', callId, arguments: args, code, message, durationMs: this.now() - startedAt };
    } finally {
      this.toolOfCall.delete(callId);
    }
    this.setState(toolName, outcome);
    this.history.record(this.serverId, toolName, this.historyEntry(callId, startedAt, args, outcome));
  }

  /** Asks the manager to cancel; the call then ends as failed with code "cancelled". */
  async cancel(toolName: string): Promise<void> {
    const state = this.state(toolName);
    if (state.status !== 'running' || state.cancelRequested) return;
    this.setState(toolName, { ...state, cancelRequested: true });
    try {
      await this.api.call('calls.cancel', { callId: state.callId });
    } catch {
      // The call may have just ended; its own outcome says what happened.
    }
  }

  /** Forgets the last outcome shown for a tool (not its history). */
  dismiss(toolName: string): void {
    if (this.state(toolName).status === 'running') return;
    this.states.delete(toolName);
    this.notify();
  }

  /** Stops listening for progress; a later run listens again. */
  dispose(): void {
    this.unsubscribeProgress?.();
    this.unsubscribeProgress = null;
  }

  private listenForProgress(): void {
    if (this.unsubscribeProgress) return;
    this.unsubscribeProgress = this.api.on('call.progress', (event) => {
      const toolName = this.toolOfCall.get(event.callId);
      if (toolName === undefined) return;
      const state = this.state(toolName);
      if (state.status !== 'running' || state.callId !== event.callId) return;
      const progress: CallProgress = { progress: event.progress };
      if (event.total !== undefined) progress.total = event.total;
      if (event.message !== undefined) progress.message = event.message;
      this.setState(toolName, { ...state, progress });
    });
  }

  private historyEntry(callId: string, startedAt: number, args: ToolArguments, outcome: ToolCallState): CallHistoryEntry {
    const base = { id: callId, at: new Date(startedAt).toISOString(), arguments: args };
    if (outcome.status === 'done') {
      return { ...base, outcome: outcome.result.isError ? 'error' : 'ok', summary: summarizeResult(outcome.result), durationMs: outcome.durationMs };
    }
    if (outcome.status === 'failed') {
      return { ...base, outcome: 'failed', errorCode: outcome.code, summary: summarize(outcome.message), durationMs: outcome.durationMs };
    }
    return { ...base, outcome: 'failed', summary: 'did not finish', durationMs: null };
  }

  private setState(toolName: string, state: ToolCallState): void {
    this.states.set(toolName, state);
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
