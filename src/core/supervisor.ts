import type { CallToolResult, GetPromptResult, LoggingLevel, ReadResourceResult, Result } from '@modelcontextprotocol/sdk/types.js';
import { ContractError, type Health, type LastExit, type LogEntry, type LogLevel, type LogSource, type ServerState } from '../shared/contract';
import { messageOf } from '../shared/error-message';
import { DEFAULT_STOP_TIMINGS, type ChildLaunch, type StopTimings } from './child-transport';
import type { LogInput } from './logs';
import { describeExit, mcpLevelToLogLevel } from './lifecycle-words';
import type { OrphanGuard } from './orphan-guard';
import { GroupReaper } from './process-group';
import { readRssBytes } from './process-memory';
import { DEFAULT_RESTART_POLICY, RestartPolicy, type RestartPolicyOptions } from './restart-policy';
import { RunningCalls } from './running-calls';
import { CallTimeoutError, ServerConnection, type CallProgress, type ListKind, type ServerLists, type ServerToClientMethod } from './server-connection';
import { unroutedAnswer } from './bridge/unrouted-requests';
import type { ServerRequestDesk } from './server-requests/server-request-desk';
import { UnroutedRequest } from './server-requests/unrouted-request';
import { passesLevel } from './bridge/log-levels';
import { mcpErrorText } from './mcp-error-text';
import { rethrowSaidOnce, withCause } from './server-error';
import type { ServerHandshake, SupervisorRelay } from './supervisor-relay';
import { summarizeCallResult } from './call-summary';
import type { MessageJournal } from './messages/message-journal';
import type { MessageOrigin } from './messages/message-origin';
import { ConnectionTap } from './messages/wire-tap';

export interface LaunchSpec extends ChildLaunch {
  /** Secret values injected into env: redacted from everything the server says. */
  secretValues: string[];
}

interface SupervisorLogSink {
  append(input: LogInput): LogEntry;
  appendSoon(build: () => LogInput): void;
  appendStderrLine(serverId: string, line: string): LogEntry;
  setSecrets(serverId: string, values: Iterable<string>): void;
}

interface HealthTimings {
  healthIntervalMs: number;
  pingTimeoutMs: number;
  callTimeoutMs: number;
}

export interface SupervisorOptions {
  serverId: string;
  /** Called at every (re)start, so a changed secret or setting takes effect on restart. */
  resolveLaunch: () => Promise<LaunchSpec>;
  logs: SupervisorLogSink;
  timings: () => HealthTimings;
  guard?: OrphanGuard;
  onHealth(health: Health): void;
  onListChanged(kind: ListKind): void;
  /** A running call's progress notification (notifications/progress). */
  onCallProgress?(callId: string, progress: CallProgress): void;
  restartPolicy?: RestartPolicyOptions;
  stopTimings?: StopTimings;
  initializeTimeoutMs?: number;
  /** Missed pings in a row that mean the server is hung. */
  maxMissedPings?: number;
  /** The manager's one map of calls in flight, shared by every server; a lone supervisor keeps its own. */
  runningCalls?: RunningCalls;
  /** The folders answered to the server's roots/list (the server's roots setting). */
  roots?: () => readonly string[];
  /** Where every JSON-RPC message to and from the server's processes is journaled. */
  messages?: MessageJournal;
  /** Added to every lifecycle and call log line, e.g. the session a dedicated process serves. */
  logFields?: Record<string, unknown>;
  /** Where a sampling or elicitation request that no bridged client takes waits for a person. */
  serverRequests?: Pick<ServerRequestDesk, 'ask'>;
  /** The least severe MCP log message (notifications/message) the log keeps; every one when not given. */
  mcpLogLevel?: () => LoggingLevel;
}

/** The caller the call log names for calls made from MCP Tray itself (the UI, the CLI). */
export const MANAGER_CLIENT = 'MCP Tray';

interface ToolCallRequest {
  name: string;
  arguments: Record<string, unknown>;
  callId: string;
  timeoutMs?: number | undefined;
  /** Who made the call, as the call log names it; MCP Tray itself when not given. */
  client?: string | undefined;
  /** Passed on in the request's _meta (the progress token is always ours). */
  meta?: Record<string, unknown> | undefined;
  /** This call's progress, besides the supervisor's onCallProgress. */
  onProgress?: ((progress: CallProgress) => void) | undefined;
}

interface TimedToolResult {
  result: CallToolResult;
  /** From the request sent to the answer read, as logged with the call. */
  durationMs: number;
}

const STDERR_TAIL_LINES = 20;
const LATENCY_SAMPLES = 50;

/**
 * Keeps one server alive: spawns it, pings it, restarts it with backoff when it crashes or hangs,
 * gives up after a crash loop, and stops it with escalating signals.
 */
export class ServerSupervisor {
  private state: ServerState = 'stopped';
  private connection: ServerConnection | undefined;
  /** Bumped at every spawn, so events from an older child are ignored. */
  private generation = 0;
  private stopping = false;
  private startedAt: number | null = null;
  private restartCount = 0;
  private lastExit: LastExit | null = null;
  private error: string | null = null;
  private nextRestartAt: number | null = null;
  private restartTimer: NodeJS.Timeout | undefined;
  private healthTimer: NodeJS.Timeout | undefined;
  private missedPings = 0;
  private latencies: number[] = [];
  private rssBytes: number | null = null;
  private stderrTail: string[] = [];
  private readonly restartPolicy: RestartPolicy;
  private readonly calls: RunningCalls;
  private pendingStart: Promise<void> | undefined;
  /** Ends what an exited server left in its process group; a stop waits for it. */
  private readonly groups: GroupReaper;
  private relay: SupervisorRelay | undefined;
  /** Woken at every state change, by waitUntilRunning. */
  private readonly stateWaiters = new Set<() => void>();

  constructor(private readonly options: SupervisorOptions) {
    this.restartPolicy = new RestartPolicy(options.restartPolicy ?? DEFAULT_RESTART_POLICY);
    this.calls = options.runningCalls ?? new RunningCalls();
    const { termAfterMs, killAfterMs } = options.stopTimings ?? DEFAULT_STOP_TIMINGS;
    this.groups = new GroupReaper({
      graceMs: Math.max(0, killAfterMs - termAfterMs),
      guard: options.guard,
      onStillThere: (pgid) => this.log('warn', 'lifecycle', `processes of its group ${pgid} are still there a minute after SIGKILL; the orphan guard keeps watching them`),
    });
  }

  get serverId(): string {
    return this.options.serverId;
  }

  get lists(): ServerLists | undefined {
    return this.connection?.lists;
  }

  /** Bumped at every spawn: a running server with a higher generation is a new process. */
  get processGeneration(): number {
    return this.generation;
  }

  /** The handshake of the server that is running, undefined while none is. */
  get handshake(): ServerHandshake | undefined {
    const connection = this.connection;
    if (!connection || (this.state !== 'running' && this.state !== 'degraded')) return undefined;
    return {
      capabilities: connection.serverCapabilities,
      serverInfo: connection.serverInfo,
      instructions: connection.instructions,
      protocolVersion: connection.protocolVersion,
    };
  }

  /** Sends the server's client-side traffic to `relay` from now on; the returned function stops it. */
  relayTo(relay: SupervisorRelay): () => void {
    this.relay = relay;
    return () => {
      if (this.relay === relay) this.relay = undefined;
    };
  }

  /**
   * Resolves once the server is running; refused at once when it failed or is waiting to restart
   * after an exit, when it is stopped and nobody starts it, or when the deadline passes first.
   */
  async waitUntilRunning(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.state === 'running' || this.state === 'degraded') return;
      const problem = this.startProblem();
      if (problem !== undefined) throw new ContractError('not_running', `Server "${this.serverId}" could not start: ${problem}. See mcp-tray logs ${this.serverId}.`);
      if (this.state === 'stopped' && !this.pendingStart) throw new ContractError('not_running', `Server "${this.serverId}" is stopped. Start it in MCP Tray.`);
      const left = deadline - Date.now();
      if (left <= 0) throw new ContractError('timeout', `Server "${this.serverId}" did not come up in ${Math.round(timeoutMs / 1000)} s (it is ${this.state}). Check its logs in MCP Tray.`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(wake, left);
        function wake(): void {
          clearTimeout(timer);
          resolve();
        }
        this.stateWaiters.add(wake);
      });
    }
  }

  /** Why the server is not coming up by itself soon: it gave up, or its last process exited and it waits to retry. */
  private startProblem(): string | undefined {
    if (this.state === 'failed') return (this.error ?? 'it gave up restarting').replace(/\.$/, '');
    if (this.state !== 'backoff' || !this.lastExit) return undefined;
    const said = this.lastExit.stderrTail.at(-1)?.trim();
    return `${describeExit(this.lastExit.code, this.lastExit.signal)}${said ? ` (it said: ${said})` : ''}`;
  }

  health(): Health {
    const live = this.state === 'running' || this.state === 'degraded';
    const lists = this.connection?.lists;
    return {
      serverId: this.serverId,
      state: this.state,
      pid: live || this.state === 'starting' ? (this.connection?.pid ?? null) : null,
      startedAt: live && this.startedAt !== null ? new Date(this.startedAt).toISOString() : null,
      uptimeMs: live && this.startedAt !== null ? Date.now() - this.startedAt : null,
      restartCount: this.restartCount,
      nextRestartAt: this.state === 'backoff' && this.nextRestartAt !== null ? new Date(this.nextRestartAt).toISOString() : null,
      lastExit: this.lastExit,
      error: this.error,
      pingLatencyMs: { last: this.latencies.at(-1) ?? null, median: median(this.latencies) },
      consecutivePingFailures: this.missedPings,
      rssBytes: live ? this.rssBytes : null,
      counts: {
        tools: live ? (lists?.tools.length ?? 0) : 0,
        resources: live ? (lists?.resources.length ?? 0) + (lists?.resourceTemplates.length ?? 0) : 0,
        prompts: live ? (lists?.prompts.length ?? 0) : 0,
      },
    };
  }

  /** Starts the server if it is not running; a start by the user also clears a crash loop. */
  async start(): Promise<Health> {
    if (this.state === 'running' || this.state === 'degraded') return this.health();
    if (this.pendingStart) {
      await this.pendingStart;
      return this.health();
    }
    this.clearRestartTimer();
    this.restartPolicy.reset();
    this.error = null;
    await this.spawn();
    return this.health();
  }

  async stop(): Promise<Health> {
    this.stopping = true;
    this.clearRestartTimer();
    this.clearHealthTimer();
    this.calls.cancelAllOf(this.serverId);
    const connection = this.connection;
    if (connection && this.state !== 'stopped' && this.state !== 'failed' && this.state !== 'backoff') {
      this.log('info', 'lifecycle', 'stopping');
      await connection.close();
    }
    await this.pendingStart?.catch(() => {});
    await this.groups.settled();
    this.generation++;
    this.connection = undefined;
    this.startedAt = null;
    this.setState('stopped');
    this.stopping = false;
    return this.health();
  }

  async restart(): Promise<Health> {
    await this.stop();
    return this.start();
  }

  private spawn(): Promise<void> {
    const run = this.spawnOnce().finally(() => {
      if (this.pendingStart === run) this.pendingStart = undefined;
    });
    this.pendingStart = run;
    return run;
  }

  private async spawnOnce(): Promise<void> {
    const generation = ++this.generation;
    this.nextRestartAt = null;
    this.stderrTail = [];
    this.missedPings = 0;
    this.setState('starting');
    let launch: LaunchSpec;
    try {
      launch = await this.options.resolveLaunch();
    } catch (error) {
      this.fail(`Could not prepare the server: ${messageOf(error)}`);
      return;
    }
    if (generation !== this.generation) return;
    this.options.logs.setSecrets(this.serverId, launch.secretValues);
    const { messages } = this.options;
    messages?.addSecrets(launch.secretValues);
    const connection: ServerConnection = new ServerConnection(
      launch,
      {
        // Guarded from the start: a manager that dies during a handshake that never ends leaves no server.
        onSpawn: (pid) => this.options.guard?.track(pid),
        wire: messages ? new ConnectionTap(messages, { session: MANAGER_CLIENT }) : undefined,
        onStderrLine: (line) => {
          const entry = this.options.logs.appendStderrLine(this.serverId, line);
          if (generation !== this.generation) return;
          this.stderrTail.push(entry.message);
          if (this.stderrTail.length > STDERR_TAIL_LINES) this.stderrTail.shift();
        },
        onStdoutGarbage: (line) =>
          this.log('warn', 'stdout', `not JSON-RPC on stdout (ignored): ${line.slice(0, 2_000)}`),
        onStdoutTooLarge: (description) => this.log('warn', 'stdout', description),
        onExit: (code, signal) => this.handleExit(generation, connection, code, signal),
        onSpawnError: (error) => {
          if (connection.pid !== undefined) this.options.guard?.untrack(connection.pid);
          if (generation !== this.generation) return;
          const what = error.code === 'ENOENT' ? `Command "${launch.command}" was not found. Install it or give its full path in the server's settings.` : `Could not start "${launch.command}": ${error.message}`;
          this.fail(what);
        },
        onListChanged: (kind) => {
          if (generation !== this.generation) return;
          this.options.onListChanged(kind);
          this.relay?.listChanged(kind);
          this.emitHealth();
        },
        onLoggingMessage: (params) => {
          if (generation === this.generation) this.relay?.loggingMessage(params);
        },
        onResourceUpdated: (uri) => {
          if (generation === this.generation) this.relay?.resourceUpdated(uri);
        },
        onServerRequest: (method, params, signal) => this.answerServerRequest(connection, method, params, signal),
        onListFailed: (method, message) => this.log('warn', 'lifecycle', `${method} failed, so it is taken as empty: ${message}`, { method }),
        onServerLog: (level, logger, data) => {
          // The server may run lower for a bridged client that asked for more; the log keeps the manager's own level.
          if (!passesLevel(level, this.options.mcpLogLevel?.())) return;
          this.log(mcpLevelToLogLevel(level), 'mcp', typeof data === 'string' ? data : JSON.stringify(data), logger ? { logger } : undefined);
        },
      },
      this.options.stopTimings,
    );
    this.connection = connection;
    try {
      await connection.open(this.options.initializeTimeoutMs ?? 30_000);
    } catch (error) {
      // A spawn error or an early exit has already been handled by its own hook.
      if (generation !== this.generation || this.state !== 'starting' || connection.pid === undefined) return;
      this.log('error', 'lifecycle', `did not complete the MCP handshake: ${messageOf(error)}`);
      // The exit that follows is handled as a crash, with backoff.
      await connection.kill();
      return;
    }
    if (generation !== this.generation) return;
    const pid = connection.pid;
    this.startedAt = Date.now();
    this.log('info', 'lifecycle', `running (pid ${pid ?? '?'})`, { pid });
    this.setState('running');
    this.scheduleHealthCheck();
    this.relay?.running(generation);
  }

  /**
   * A server's request to its client: to the bridged session that can take it, else to a person in
   * MCP Tray's window when one is open, else declined with the reason in the log.
   */
  private async answerServerRequest(connection: ServerConnection, method: ServerToClientMethod, params: Record<string, unknown>, signal: AbortSignal): Promise<Result> {
    const routed = this.relay?.serverRequest(method, params, signal) ?? new UnroutedRequest('no client is connected through MCP Tray to answer it');
    if (!(routed instanceof UnroutedRequest)) return routed;
    const roots = this.options.roots?.() ?? [];
    if (method === 'roots/list') return unroutedAnswer(method, roots, routed.why);
    const desk = this.options.serverRequests;
    const asked = desk?.ask({ serverId: this.serverId, method, params, signal, cause: routed.cause, why: routed.why });
    if (asked) {
      // A person takes longer than a call's deadline allows; the call that asked must still be there to hear the answer.
      const release = connection.holdDeadlines();
      return asked.finally(release);
    }
    const why = desk ? `${routed.why}, and no MCP Tray window is open to ask a person` : routed.why;
    this.log('warn', 'lifecycle', `${method} declined: ${why}`, { method });
    return unroutedAnswer(method, roots, why);
  }

  private handleExit(generation: number, connection: ServerConnection, code: number | null, signal: NodeJS.Signals | null): void {
    const pid = connection.pid;
    if (pid !== undefined) this.groups.end(pid);
    if (generation !== this.generation || this.stopping) {
      if (this.stopping) this.log('info', 'lifecycle', `stopped (${describeExit(code, signal)})`);
      return;
    }
    this.clearHealthTimer();
    this.lastExit = { code, signal, at: new Date().toISOString(), stderrTail: [...this.stderrTail] };
    this.startedAt = null;
    const decision = this.restartPolicy.recordCrash(Date.now());
    if (decision.action === 'give-up') {
      this.log('error', 'lifecycle', `${describeExit(code, signal)}; ${decision.crashesInWindow} crashes within a minute, not restarting`);
      this.fail(`Crashed ${decision.crashesInWindow} times within a minute (last: ${describeExit(code, signal)}). Check the logs, fix the cause, then start it again.`);
      return;
    }
    const seconds = Math.max(1, Math.round(decision.delayMs / 1000));
    this.log('warn', 'lifecycle', `${describeExit(code, signal)}, restarting in ${seconds} s`, { code, signal, delayMs: decision.delayMs });
    this.nextRestartAt = Date.now() + decision.delayMs;
    this.setState('backoff');
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      this.restartCount++;
      void this.spawn();
    }, decision.delayMs);
  }

  private fail(message: string): void {
    this.clearHealthTimer();
    this.clearRestartTimer();
    this.error = message;
    this.startedAt = null;
    this.setState('failed');
  }

  private scheduleHealthCheck(): void {
    this.clearHealthTimer();
    this.healthTimer = setTimeout(() => void this.checkHealth(), this.options.timings().healthIntervalMs);
  }

  private async checkHealth(): Promise<void> {
    const connection = this.connection;
    const generation = this.generation;
    if (!connection || (this.state !== 'running' && this.state !== 'degraded')) return;
    const { pingTimeoutMs } = this.options.timings();
    const startedAt = performance.now();
    try {
      await connection.ping(pingTimeoutMs);
      if (generation !== this.generation) return;
      this.latencies.push(Math.round((performance.now() - startedAt) * 100) / 100);
      if (this.latencies.length > LATENCY_SAMPLES) this.latencies.shift();
      if (this.missedPings > 0) this.log('info', 'lifecycle', 'answering pings again');
      this.missedPings = 0;
      if (this.state === 'degraded') this.setState('running');
    } catch (error) {
      if (generation !== this.generation || (this.state !== 'running' && this.state !== 'degraded')) return;
      this.missedPings++;
      const maxMissed = this.options.maxMissedPings ?? 3;
      if (this.missedPings >= maxMissed) {
        this.log('error', 'lifecycle', `missed ${this.missedPings} pings in a row, killing and restarting it`);
        await connection.kill();
        return;
      }
      this.log('warn', 'lifecycle', `missed a ping (${this.missedPings} of ${maxMissed}): ${messageOf(error)}`);
      this.setState('degraded');
    }
    const pid = connection.pid;
    if (pid !== undefined) this.rssBytes = await readRssBytes(pid);
    if (generation !== this.generation) return;
    this.emitHealth();
    this.scheduleHealthCheck();
  }

  /** The result alone, for a caller that does not report how long the call took. */
  async callTool(request: ToolCallRequest): Promise<CallToolResult> {
    return (await this.timedCall(request)).result;
  }

  /** Calls a tool and times it; a call id already running, on any server, is refused. */
  async timedCall(request: ToolCallRequest): Promise<TimedToolResult> {
    const connection = this.requireConnection();
    const cancellation = this.calls.start(request.callId, this.serverId);
    const client = request.client ?? MANAGER_CLIENT;
    const startedAt = performance.now();
    try {
      const result = await connection.callTool(request.name, request.arguments, {
        timeoutMs: request.timeoutMs ?? this.options.timings().callTimeoutMs,
        cancellation,
        meta: request.meta,
        origin: { session: client, callId: request.callId },
        onProgress: (progress) => {
          this.options.onCallProgress?.(request.callId, progress);
          request.onProgress?.(progress);
        },
      });
      const durationMs = roundMs(performance.now() - startedAt);
      const finishedAt = Date.now();
      // The caller gets its answer first; the call's log line is built and stored a moment later.
      this.options.logs.appendSoon(() => {
        const outcome = result.isError ? 'error' : 'ok';
        return {
          serverId: this.serverId,
          level: result.isError ? 'warn' : 'info',
          source: 'call',
          message: `${request.name} ${outcome} in ${durationMs} ms`,
          fields: { ...this.options.logFields, tool: request.name, callId: request.callId, client, durationMs, outcome, result: summarizeCallResult(result) },
          time: new Date(finishedAt),
        };
      });
      return { result, durationMs };
    } catch (error) {
      const durationMs = roundMs(performance.now() - startedAt);
      // Aborted by cancelCall or a stop, not by the call's own deadline (which aborts with a timeout error).
      const cancelled = cancellation.reason instanceof ContractError;
      const message = cancelled ? 'cancelled' : mcpErrorText(error);
      this.log('warn', 'call', `${request.name} ${cancelled ? 'cancelled' : 'failed'} after ${durationMs} ms: ${message}`, {
        tool: request.name,
        callId: request.callId,
        client,
        durationMs,
        outcome: cancelled ? 'cancelled' : 'failed',
      });
      if (cancelled) throw withCause(new ContractError('cancelled', `The call to ${request.name} was cancelled.`), cancellation.reason);
      if (error instanceof CallTimeoutError) throw withCause(new ContractError('timeout', `${request.name} did not answer in time. Try again, or raise the call timeout in Settings.`), error);
      // The server's own JSON-RPC error stays reachable, so a bridged client can be answered with it.
      throw withCause(new ContractError('failed', `${request.name} failed: ${message}`), error);
    } finally {
      this.calls.end(request.callId);
    }
  }

  /** Cancels one of this server's calls; false when it has no such call running. */
  cancelCall(callId: string): boolean {
    return this.calls.cancel(callId, this.serverId);
  }

  /** Sends any request on to the server as it is (the bridge's resources/read, prompts/get, ...). */
  forward(
    method: string,
    params: Record<string, unknown> | undefined,
    options: { signal?: AbortSignal | undefined; onProgress?: ((progress: CallProgress) => void) | undefined; timeoutMs?: number | undefined; origin?: MessageOrigin | undefined },
  ): Promise<Result> {
    return this.requireConnection().forward(method, params, { ...options, timeoutMs: options.timeoutMs ?? this.options.timings().callTimeoutMs });
  }

  /** Sets the level the server logs at; a server without the logging capability is left alone. */
  async setLoggingLevel(level: LoggingLevel): Promise<void> {
    const connection = this.requireConnection();
    if (connection.serverCapabilities.logging) await connection.setLoggingLevel(level, this.options.timings().callTimeoutMs);
  }

  /** The roots setting changed: a running server is told (notifications/roots/list_changed). */
  rootsChanged(): void {
    const connection = this.connection;
    if (!connection || (this.state !== 'running' && this.state !== 'degraded')) return;
    connection.sendRootsChanged().catch((error: unknown) => this.log('warn', 'lifecycle', `could not tell the server its roots changed: ${messageOf(error)}`));
  }

  readResource(uri: string): Promise<ReadResourceResult> {
    return this.requireConnection().readResource(uri, this.options.timings().callTimeoutMs).catch(rethrowSaidOnce);
  }

  getPrompt(name: string, args: Record<string, string>): Promise<GetPromptResult> {
    return this.requireConnection().getPrompt(name, args, this.options.timings().callTimeoutMs).catch(rethrowSaidOnce);
  }

  private requireConnection(): ServerConnection {
    if (!this.connection || (this.state !== 'running' && this.state !== 'degraded')) {
      throw new ContractError('not_running', `Server "${this.serverId}" is ${this.state}. Start it first.`);
    }
    return this.connection;
  }

  /** Stops everything for good (manager shutdown). */
  async dispose(): Promise<void> {
    await this.stop();
  }

  private setState(state: ServerState): void {
    if (state === this.state && state !== 'starting') return;
    this.state = state;
    this.emitHealth();
    const waiters = [...this.stateWaiters];
    this.stateWaiters.clear();
    for (const wake of waiters) wake();
  }

  private emitHealth(): void {
    this.options.onHealth(this.health());
  }

  private log(level: LogLevel, source: LogSource, message: string, fields?: Record<string, unknown>): void {
    const all = this.options.logFields ? { ...this.options.logFields, ...fields } : fields;
    this.options.logs.append({ serverId: this.serverId, level, source, message, ...(all ? { fields: all } : {}) });
  }

  private clearRestartTimer(): void {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    this.nextRestartAt = null;
  }

  private clearHealthTimer(): void {
    if (this.healthTimer) clearTimeout(this.healthTimer);
    this.healthTimer = undefined;
  }
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? null;
}

function roundMs(ms: number): number {
  return Math.round(ms * 100) / 100;
}

