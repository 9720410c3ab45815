import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  ErrorCode,
  LoggingMessageNotificationSchema,
  McpError,
  ProgressNotificationSchema,
  PromptListChangedNotificationSchema,
  ResourceListChangedNotificationSchema,
  ToolListChangedNotificationSchema,
  type CallToolResult,
  type GetPromptResult,
  type Prompt,
  type ReadResourceResult,
  type Resource,
  type ResourceTemplate,
  type Tool,
} from '@modelcontextprotocol/sdk/types.js';
import { messageOf } from '../shared/error-message';
import type { CallCancellation } from './call-cancellation';
import { CoalescedTask } from './coalesced-task';
import { ChildProcessTransport, type ChildLaunch, type ChildTransportHooks, type StopTimings } from './child-transport';

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
  /** A list request the server answered with an error: the list is taken as empty. */
  onListFailed(method: string, message: string): void;
}

export interface CallProgress {
  progress: number;
  total?: number;
  message?: string;
}

interface CallOptions {
  /** How long the server may go without answering or reporting progress. */
  timeoutMs: number;
  cancellation: CallCancellation;
  onProgress(progress: CallProgress): void;
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
  private readonly client = new Client(CLIENT_INFO, { capabilities: {} });
  private readonly transport: ChildProcessTransport;
  /** Running calls by the progress token sent with them. */
  private readonly progressListeners = new Map<number, (progress: CallProgress) => void>();
  private lastProgressToken = 0;
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
    });
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
    await this.client.ping({ timeout: timeoutMs });
  }

  /** Calls a tool; the timeout starts again whenever the server reports progress. */
  async callTool(name: string, args: Record<string, unknown>, options: CallOptions): Promise<CallToolResult> {
    const { timeoutMs, cancellation } = options;
    const progressToken = ++this.lastProgressToken;
    // Cancelling also tells the server to stop.
    const deadline = setTimeout(() => cancellation.abort(new CallTimeoutError(timeoutMs)), timeoutMs);
    this.progressListeners.set(progressToken, (progress) => {
      deadline.refresh();
      options.onProgress(progress);
    });
    try {
      return (await this.client.callTool({ name, arguments: args, _meta: { progressToken } }, undefined, {
        timeout: MAX_TIMER_MS,
        signal: cancellation.signal,
      })) as CallToolResult;
    } finally {
      clearTimeout(deadline);
      this.progressListeners.delete(progressToken);
    }
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
  constructor(launch: ChildLaunch, private readonly connectionHooks: ConnectionHooks, stopTimings?: StopTimings) {
    super(launch, connectionHooks, stopTimings);
  }

  override async start(): Promise<void> {
    await super.start();
    if (this.pid !== undefined) this.connectionHooks.onSpawn(this.pid);
  }
}
