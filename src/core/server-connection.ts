import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  CallToolResultSchema,
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  ErrorCode,
  ListRootsRequestSchema,
  LoggingMessageNotificationSchema,
  McpError,
  ProgressNotificationSchema,
  PromptListChangedNotificationSchema,
  ResourceListChangedNotificationSchema,
  ResourceUpdatedNotificationSchema,
  ResultSchema,
  ToolListChangedNotificationSchema,
  type CallToolResult,
  type ClientCapabilities,
  type GetPromptResult,
  type Implementation,
  type LoggingLevel,
  type LoggingMessageNotification,
  type Prompt,
  type ReadResourceResult,
  type Resource,
  type ResourceTemplate,
  type Result,
  type ServerCapabilities,
  type Tool,
} from '@modelcontextprotocol/sdk/types.js';
import { messageOf } from '../shared/error-message';
import { CallCancellation } from './call-cancellation';
import { CoalescedTask } from './coalesced-task';
import { ChildProcessTransport, type ChildLaunch, type ChildTransportHooks, type StopTimings } from './child-transport';
import { HEALTH_SESSION } from '../shared/messages-contract';
import type { MessageOrigin } from './messages/message-origin';

export type ListKind = 'tools' | 'resources' | 'prompts';

export interface ServerLists {
  tools: Tool[];
  resources: Resource[];
  resourceTemplates: ResourceTemplate[];
  prompts: Prompt[];
}

interface ConnectionHooks extends ChildTransportHooks {
  /** The process exists: called before the handshake starts, which may never end. */
  onSpawn(pid: number): void;
  onListChanged(kind: ListKind): void;
  /** An MCP logging notification (notifications/message). */
  onServerLog(level: string, logger: string | undefined, data: unknown): void;
  /** The same notification whole, for whoever relays it further. */
  onLoggingMessage?(params: LoggingMessageNotification['params']): void;
  /** notifications/resources/updated for a resource someone subscribed to. */
  onResourceUpdated?(uri: string): void;
  /**
   * A request the server sends its client (sampling, elicitation, roots). The signal aborts when
   * the server cancels it (notifications/cancelled) or goes away; throw an McpError to refuse.
   */
  onServerRequest(method: ServerToClientMethod, params: Record<string, unknown>, signal: AbortSignal): Promise<Result>;
  /** A list request the server answered with an error: the list is taken as empty. */
  onListFailed(method: string, message: string): void;
}

export interface CallProgress {
  progress: number;
  total?: number;
  message?: string;
}

/** The requests a server may send its client that the manager answers or routes. */
export type ServerToClientMethod = 'sampling/createMessage' | 'elicitation/create' | 'roots/list';

/**
 * What the manager's one handshake declares: the union of what it can route to the clients behind
 * it (MCP 2025-11-25, Basic > Lifecycle > Capability Negotiation: sampling, elicitation in both
 * modes, roots with list_changed).
 */
export const ROUTED_CLIENT_CAPABILITIES: ClientCapabilities = {
  sampling: {},
  elicitation: { form: {}, url: {} },
  roots: { listChanged: true },
};

export interface ForwardOptions {
  /** How long the server may go without answering or reporting progress. */
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** Given when the caller asked for progress: the request then carries a progress token of ours. */
  onProgress?: ((progress: CallProgress) => void) | undefined;
  /** Whom the request is for, as the message journal labels it. */
  origin?: MessageOrigin | undefined;
}

interface CallOptions {
  /** How long the server may go without answering or reporting progress. */
  timeoutMs: number;
  cancellation: CallCancellation;
  onProgress(progress: CallProgress): void;
  /** Passed on to the server in the request's _meta, beside our progress token. */
  meta?: Record<string, unknown> | undefined;
  /** Whom the call is for, as the message journal labels it. */
  origin?: MessageOrigin | undefined;
}

/**
 * A tool call's deadline ran out: the SDK's own timeout error (so the server is told the same
 * reason when the call is cancelled), told apart by its class wherever it is caught.
 */
export class CallTimeoutError extends McpError {
  constructor(timeoutMs: number) {
    super(ErrorCode.RequestTimeout, 'Request timed out', { timeout: timeoutMs });
  }
}

/** The longest delay a Node timer takes (about 24.8 days): the SDK's own timeout, kept out of the way of ours. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const CLIENT_INFO = { name: 'MCP Tray', version: '0.1.0' };

/** One running server: its child process, the SDK client on it, and the cached lists it offers. */
export class ServerConnection {
  readonly lists: ServerLists = { tools: [], resources: [], resourceTemplates: [], prompts: [] };
  private readonly client = new Client(CLIENT_INFO, { capabilities: ROUTED_CLIENT_CAPABILITIES });
  private readonly transport: SpawnAnnouncingTransport;
  /** Running calls by the progress token sent with them. */
  private readonly progressListeners = new Map<number, (progress: CallProgress) => void>();
  private lastProgressToken = 0;
  /** Server requests of this process waiting for a person: while any is, no call's deadline runs out. */
  private deadlineHolds = 0;
  /** Set once the child is gone: a list that fails after that is a lost connection, not a refused list. */
  private closed = false;
  /** A storm of list_changed notifications costs at most one refresh in flight and one queued, per list. */
  private readonly changeRefreshes: Record<ListKind, CoalescedTask> = {
    tools: this.changeRefresh('tools'),
    resources: this.changeRefresh('resources'),
    prompts: this.changeRefresh('prompts'),
  };

  constructor(launch: ChildLaunch, private readonly hooks: ConnectionHooks, stopTimings?: StopTimings) {
    this.transport = new SpawnAnnouncingTransport(launch, hooks, stopTimings);
    this.client.onclose = () => (this.closed = true);
    this.client.setNotificationHandler(ToolListChangedNotificationSchema, () => this.changeRefreshes.tools.request());
    this.client.setNotificationHandler(ResourceListChangedNotificationSchema, () => this.changeRefreshes.resources.request());
    this.client.setNotificationHandler(PromptListChangedNotificationSchema, () => this.changeRefreshes.prompts.request());
    // Progress is routed here, in place of the SDK's per-request `onprogress`, which costs a
    // tenth of a local round trip on every call; the deadline that progress extends is ours too.
    this.client.setNotificationHandler(ProgressNotificationSchema, (notification) => {
      const { progressToken, progress, total, message } = notification.params;
      // Number(): a server that hands the token back as "3" is understood, as the SDK understood it.
      this.progressListeners.get(Number(progressToken))?.({ progress, ...(total !== undefined ? { total } : {}), ...(message !== undefined ? { message } : {}) });
    });
    this.client.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
      const { level, logger, data } = notification.params;
      hooks.onServerLog(level, logger, data);
      hooks.onLoggingMessage?.(notification.params);
    });
    this.client.setNotificationHandler(ResourceUpdatedNotificationSchema, (notification) => hooks.onResourceUpdated?.(notification.params.uri));
    // The SDK aborts a handler's signal on the server's notifications/cancelled for that request.
    this.client.setRequestHandler(CreateMessageRequestSchema, (request, extra) =>
      hooks.onServerRequest('sampling/createMessage', request.params, extra.signal) as never,
    );
    this.client.setRequestHandler(ElicitRequestSchema, (request, extra) => hooks.onServerRequest('elicitation/create', request.params, extra.signal) as never);
    this.client.setRequestHandler(ListRootsRequestSchema, (request, extra) =>
      hooks.onServerRequest('roots/list', request.params ?? {}, extra.signal) as never,
    );
  }

  /** What the server declared in its handshake; empty before it. */
  get serverCapabilities(): ServerCapabilities {
    return this.client.getServerCapabilities() ?? {};
  }

  get serverInfo(): Implementation | undefined {
    return this.client.getServerVersion();
  }

  get instructions(): string | undefined {
    return this.client.getInstructions();
  }

  /** The protocol version the handshake settled on. */
  get protocolVersion(): string | undefined {
    return this.transport.protocolVersion;
  }

  get pid(): number | undefined {
    return this.transport.pid;
  }

  /** Spawns the child and runs the MCP handshake, then loads what the server offers. */
  async open(initializeTimeoutMs: number): Promise<void> {
    await this.client.connect(this.transport, { timeout: initializeTimeoutMs });
    await Promise.all((['tools', 'resources', 'prompts'] as const).map((kind) => this.refresh(kind)));
  }

  async ping(timeoutMs: number): Promise<void> {
    await this.from({ session: HEALTH_SESSION }, () => this.client.ping({ timeout: timeoutMs }));
  }

  /** Calls a tool; the timeout starts again whenever the server reports progress. */
  async callTool(name: string, args: Record<string, unknown>, options: CallOptions): Promise<CallToolResult> {
    const { timeoutMs, cancellation } = options;
    const progressToken = ++this.lastProgressToken;
    // Cancelling also tells the server to stop.
    const deadline = this.startDeadline(timeoutMs, cancellation);
    this.progressListeners.set(progressToken, (progress) => {
      deadline.refresh();
      options.onProgress(progress);
    });
    try {
      // A plain request, not the SDK's callTool: that one refuses a result whose structuredContent
      // breaks the tool's outputSchema, and the result must reach the playground and bridged clients
      // as the server sent it, for them to check (MCP 2025-11-25, Server > Tools > Output Schema).
      return await this.from(options.origin, () =>
        this.client.request({ method: 'tools/call', params: { name, arguments: args, _meta: { ...options.meta, progressToken } } }, CallToolResultSchema, {
          timeout: MAX_TIMER_MS,
          signal: cancellation.signal,
        }),
      );
    } finally {
      clearTimeout(deadline);
      this.progressListeners.delete(progressToken);
    }
  }

  /**
   * Sends any request as it is and returns the server's result unchecked beyond being an object;
   * a progress token of ours replaces the caller's when the caller wants progress.
   */
  async forward(method: string, params: Record<string, unknown> | undefined, options: ForwardOptions): Promise<Result> {
    const cancellation = new CallCancellation();
    const outer = options.signal;
    const abortFromOuter = () => cancellation.abort(outer?.reason);
    if (outer?.aborted) abortFromOuter();
    outer?.addEventListener('abort', abortFromOuter);
    const deadline = this.startDeadline(options.timeoutMs, cancellation);
    const { onProgress } = options;
    let sent = params;
    let progressToken: number | undefined;
    if (onProgress) {
      progressToken = ++this.lastProgressToken;
      const meta = params?._meta !== null && typeof params?._meta === 'object' ? (params._meta as Record<string, unknown>) : {};
      sent = { ...params, _meta: { ...meta, progressToken } };
      this.progressListeners.set(progressToken, (progress) => {
        deadline.refresh();
        onProgress(progress);
      });
    }
    try {
      return await this.from(options.origin, () =>
        this.client.request({ method, ...(sent ? { params: sent } : {}) } as never, ResultSchema, {
          timeout: MAX_TIMER_MS,
          signal: cancellation.signal,
        }),
      );
    } finally {
      clearTimeout(deadline);
      outer?.removeEventListener('abort', abortFromOuter);
      if (progressToken !== undefined) this.progressListeners.delete(progressToken);
    }
  }

  /**
   * Holds every call's deadline on this process until the function returned is called (calling it
   * twice counts once). A server request that waits for a person may come from any running call,
   * and the server withdraws it when that call is cancelled: a deadline shorter than a person's
   * time to answer would end the call, and the dialog, while the person is still typing.
   */
  holdDeadlines(): () => void {
    this.deadlineHolds++;
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.deadlineHolds--;
    };
  }

  /**
   * A call's deadline: cancels the call (which also tells the server to stop) when it runs out,
   * unless a hold is on, in which case it starts again, so the call has its full time once the
   * person has answered.
   */
  private startDeadline(timeoutMs: number, cancellation: CallCancellation): NodeJS.Timeout {
    const deadline = setTimeout(() => {
      if (this.deadlineHolds > 0) deadline.refresh();
      else cancellation.abort(new CallTimeoutError(timeoutMs));
    }, timeoutMs);
    return deadline;
  }

  /**
   * Starts a request for `origin`: the SDK writes it to the transport synchronously inside
   * `send`, where the journal gives the origin to the id the SDK chose.
   */
  private from<T>(origin: MessageOrigin | undefined, send: () => T): T {
    const wire = this.hooks.wire;
    if (!wire?.nextRequestFrom || origin === undefined) return send();
    wire.nextRequestFrom(origin);
    try {
      return send();
    } finally {
      wire.nextRequestFrom(undefined);
    }
  }

  /** Tells the server its roots changed, so it asks for them again. */
  async sendRootsChanged(): Promise<void> {
    await this.client.sendRootsListChanged();
  }

  async setLoggingLevel(level: LoggingLevel, timeoutMs: number): Promise<void> {
    await this.client.setLoggingLevel(level, { timeout: timeoutMs });
  }

  readResource(uri: string, timeoutMs: number): Promise<ReadResourceResult> {
    return this.client.readResource({ uri }, { timeout: timeoutMs });
  }

  getPrompt(name: string, args: Record<string, string>, timeoutMs: number): Promise<GetPromptResult> {
    return this.client.getPrompt({ name, arguments: args }, { timeout: timeoutMs });
  }

  /** Graceful stop: stdin closed, then SIGTERM, then SIGKILL. */
  async close(): Promise<void> {
    await this.transport.close();
  }

  /** For a server that stopped answering: no courtesy, it cannot hear it. */
  async kill(): Promise<void> {
    await this.transport.kill();
  }

  private changeRefresh(kind: ListKind): CoalescedTask {
    return new CoalescedTask(async () => {
      await this.refresh(kind);
      this.hooks.onListChanged(kind);
    });
  }

  private async refresh(kind: ListKind): Promise<void> {
    const capabilities = this.client.getServerCapabilities() ?? {};
    if (kind === 'tools') {
      this.lists.tools = capabilities.tools ? await this.collect('tools/list', (cursor) => this.client.listTools({ cursor }), (page) => page.tools) : [];
    } else if (kind === 'prompts') {
      this.lists.prompts = capabilities.prompts
        ? await this.collect('prompts/list', (cursor) => this.client.listPrompts({ cursor }), (page) => page.prompts)
        : [];
    } else if (capabilities.resources) {
      this.lists.resources = await this.collect('resources/list', (cursor) => this.client.listResources({ cursor }), (page) => page.resources);
      this.lists.resourceTemplates = await this.collect(
        'resources/templates/list',
        (cursor) => this.client.listResourceTemplates({ cursor }),
        (page) => page.resourceTemplates,
      );
    } else {
      this.lists.resources = [];
      this.lists.resourceTemplates = [];
    }
  }

  /**
   * Follows nextCursor to the end; a server that keeps paging forever is cut off at 100 pages.
   * A list the server refuses (e.g. -32601 for resources/templates/list though it advertises
   * resources, as some servers do) is empty: what else it offers stays usable.
   */
  private async collect<Page extends { nextCursor?: string }, Item>(
    method: string,
    fetchPage: (cursor: string | undefined) => Promise<Page>,
    itemsOf: (page: Page) => Item[],
  ): Promise<Item[]> {
    const items: Item[] = [];
    let cursor: string | undefined;
    try {
      for (let page = 0; page < 100; page++) {
        const result = await fetchPage(cursor);
        items.push(...itemsOf(result));
        cursor = result.nextCursor;
        if (!cursor) break;
      }
    } catch (error) {
      if (this.closed) throw error;
      this.hooks.onListFailed(method, messageOf(error));
      return [];
    }
    return items;
  }
}

/** The child transport, announcing the child's pid as soon as the process exists. */
class SpawnAnnouncingTransport extends ChildProcessTransport {
  /** Set by the SDK client once the handshake settled it. */
  protocolVersion: string | undefined;

  constructor(launch: ChildLaunch, private readonly connectionHooks: ConnectionHooks, stopTimings?: StopTimings) {
    super(launch, connectionHooks, stopTimings);
  }

  override async start(): Promise<void> {
    await super.start();
    if (this.pid !== undefined) this.connectionHooks.onSpawn(this.pid);
  }

  setProtocolVersion(version: string): void {
    this.protocolVersion = version;
  }
}
