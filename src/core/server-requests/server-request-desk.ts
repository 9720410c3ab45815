import type { Result } from '@modelcontextprotocol/sdk/types.js';
import { ContractError } from '../../shared/contract';
import {
  PendingServerRequestSchema,
  type PendingServerRequest,
  type PersonAnsweredMethod,
  type ServerRequestAnswer,
  type ServerRequestCause,
} from '../../shared/server-requests-contract';
import type { LogInput } from '../logs';
import { unroutedAnswer } from '../bridge/unrouted-requests';
import { checkedAnswer } from './answer-check';
import { rejectedAnswer, timedOutAnswer } from './closing-answers';

/** A server's request that only a person can answer, as the supervisor hands it over. */
export interface DeskRequest {
  serverId: string;
  method: PersonAnsweredMethod;
  params: Record<string, unknown>;
  /** Aborts when the server cancels the request or stops. */
  signal: AbortSignal;
  cause: ServerRequestCause | undefined;
  /** Why no bridged client took it, for the log. */
  why: string;
}

/** Where a surface says that a window a person looks at is open (the browser UI, Electron's window). */
export interface WindowSeam {
  /** A window is open from now on; the function returned says it closed (calling it twice counts once). */
  attachWindow(): () => void;
}

interface DeskOptions {
  timeoutMs(): number;
  onChanged(requests: PendingServerRequest[]): void;
  log(input: LogInput): void;
  /** Takes known secret values out of what the window is shown. */
  redact(text: string): string;
  /** How long waiting requests outlive the last window, for a page that reloads or reconnects; 5 s when not given. */
  closedWindowGraceMs?: number;
}

const CLOSED_WINDOW_GRACE_MS = 5_000;
const NO_WINDOW_LEFT = 'the last MCP Tray window closed before anyone answered';

interface WaitingRequest {
  request: PendingServerRequest;
  settle(outcome: () => Result): void;
}

/**
 * The server requests waiting for a person in MCP Tray's window. A request is taken only while a
 * window is open; it ends when the person answers, when its server cancels it or stops, or when
 * it times out, and the server then gets the answer that fits each case.
 */
export class ServerRequestDesk implements WindowSeam {
  private readonly waiting = new Map<string, WaitingRequest>();
  private openWindows = 0;
  private lastId = 0;
  private graceTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: DeskOptions) {}

  attachWindow(): () => void {
    this.openWindows++;
    clearTimeout(this.graceTimer);
    this.graceTimer = undefined;
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      this.openWindows--;
      if (this.openWindows === 0) this.startGrace();
    };
  }

  get windowOpen(): boolean {
    return this.openWindows > 0;
  }

  /** Puts the request before a person and waits for the answer; undefined when no window is open to show it. */
  ask(incoming: DeskRequest): Promise<Result> | undefined {
    if (!this.windowOpen) return undefined;
    const { serverId, method, signal } = incoming;
    if (signal.aborted) return Promise.reject(signal.reason);
    const timeoutMs = this.options.timeoutMs();
    const now = Date.now();
    const request = PendingServerRequestSchema.parse({
      id: `${++this.lastId}`,
      serverId,
      method,
      params: redactStrings(incoming.params, this.options.redact),
      receivedAt: new Date(now).toISOString(),
      expiresAt: new Date(now + timeoutMs).toISOString(),
      cause: incoming.cause ?? null,
    });
    this.log(serverId, 'info', `${method} waits for an answer in MCP Tray: ${incoming.why}`, method);
    return new Promise<Result>((resolve, reject) => {
      const finish = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        this.waiting.delete(request.id);
        this.changed();
      };
      const settle = (outcome: () => Result) => {
        finish();
        try {
          resolve(outcome());
        } catch (error) {
          reject(error);
        }
      };
      const onAbort = () => {
        this.log(serverId, 'info', `${method} withdrawn: the server cancelled it or stopped before anyone answered`, method);
        settle(() => {
          throw signal.reason;
        });
      };
      const timer = setTimeout(() => {
        this.log(serverId, 'warn', `${method} timed out: nobody answered in MCP Tray within ${Math.round(timeoutMs / 1000)} s`, method);
        settle(() => timedOutAnswer(method, timeoutMs));
      }, timeoutMs);
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.set(request.id, { request, settle });
      this.changed();
    });
  }

  list(): PendingServerRequest[] {
    return [...this.waiting.values()].map((waiting) => waiting.request);
  }

  /** A person's answer: checked first, so a wrong one leaves the request waiting and says what to fix. */
  answer(answer: ServerRequestAnswer): void {
    const waiting = this.waiting.get(answer.id);
    if (!waiting) throw new ContractError('not_found', 'This request is no longer waiting: it was answered, it timed out, or its server withdrew it.');
    const { request } = waiting;
    if ('reject' in answer) {
      this.log(request.serverId, 'info', `${request.method} rejected in MCP Tray${answer.reject === '' ? '' : `: ${answer.reject}`}`, request.method);
      waiting.settle(() => rejectedAnswer(request.method, answer.reject));
      return;
    }
    const result = checkedAnswer(request, answer.result);
    this.log(request.serverId, 'info', `${request.method} answered in MCP Tray`, request.method);
    waiting.settle(() => result);
  }

  /**
   * With no window left nobody can answer: after a short grace, in which a reloaded page or a
   * reconnected stream finds its requests still there, each waiting request gets the answer a
   * request gets when no window was open at all, rather than waiting out its timeout.
   */
  private startGrace(): void {
    this.graceTimer = setTimeout(() => {
      this.graceTimer = undefined;
      if (this.windowOpen) return;
      for (const { request, settle } of [...this.waiting.values()]) {
        this.log(request.serverId, 'warn', `${request.method} declined: ${NO_WINDOW_LEFT}`, request.method);
        settle(() => unroutedAnswer(request.method, [], NO_WINDOW_LEFT));
      }
    }, this.options.closedWindowGraceMs ?? CLOSED_WINDOW_GRACE_MS);
    this.graceTimer.unref();
  }

  private changed(): void {
    this.options.onChanged(this.list());
  }

  private log(serverId: string, level: 'info' | 'warn', message: string, method: string): void {
    this.options.log({ serverId, level, source: 'lifecycle', message, fields: { method } });
  }
}

/** A copy of a JSON value with every string passed through `redact`. */
function redactStrings(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactStrings(item, redact));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactStrings(item, redact)]));
  return value;
}
