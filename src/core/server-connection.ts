import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  LoggingMessageNotificationSchema,
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
import { ChildProcessTransport, type ChildLaunch, type ChildTransportHooks, type StopTimings } from './child-transport';

export type ListKind = 'tools' | 'resources' | 'prompts';

export interface ServerLists {
  tools: Tool[];
  resources: Resource[];
  resourceTemplates: ResourceTemplate[];
  prompts: Prompt[];
}

export interface ConnectionHooks extends ChildTransportHooks {
  onListChanged(kind: ListKind): void;
  /** An MCP logging notification (notifications/message). */
  onServerLog(level: string, logger: string | undefined, data: unknown): void;
}

export interface CallOptions {
  timeoutMs: number;
  signal: AbortSignal;
  onProgress(progress: { progress: number; total?: number; message?: string }): void;
}

const CLIENT_INFO = { name: 'MCP Tray', version: '0.1.0' };

/** One running server: its child process, the SDK client on it, and the cached lists it offers. */
export class ServerConnection {
  readonly lists: ServerLists = { tools: [], resources: [], resourceTemplates: [], prompts: [] };
  private readonly client = new Client(CLIENT_INFO, { capabilities: {} });
  private readonly transport: ChildProcessTransport;

  constructor(launch: ChildLaunch, private readonly hooks: ConnectionHooks, stopTimings?: StopTimings) {
    this.transport = new ChildProcessTransport(launch, hooks, stopTimings);
    this.client.setNotificationHandler(ToolListChangedNotificationSchema, () => this.refreshAfterChange('tools'));
    this.client.setNotificationHandler(ResourceListChangedNotificationSchema, () => this.refreshAfterChange('resources'));
    this.client.setNotificationHandler(PromptListChangedNotificationSchema, () => this.refreshAfterChange('prompts'));
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

  callTool(name: string, args: Record<string, unknown>, options: CallOptions): Promise<CallToolResult> {
    return this.client.callTool({ name, arguments: args }, undefined, {
      timeout: options.timeoutMs,
      resetTimeoutOnProgress: true,
      signal: options.signal,
      onprogress: options.onProgress,
    }) as Promise<CallToolResult>;
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

  private refreshAfterChange(kind: ListKind): void {
    void this.refresh(kind).then(() => this.hooks.onListChanged(kind), () => {});
  }

  private async refresh(kind: ListKind): Promise<void> {
    const capabilities = this.client.getServerCapabilities() ?? {};
    if (kind === 'tools') {
      this.lists.tools = capabilities.tools ? await this.collect((cursor) => this.client.listTools({ cursor }), (page) => page.tools) : [];
    } else if (kind === 'prompts') {
      this.lists.prompts = capabilities.prompts ? await this.collect((cursor) => this.client.listPrompts({ cursor }), (page) => page.prompts) : [];
    } else if (capabilities.resources) {
      this.lists.resources = await this.collect((cursor) => this.client.listResources({ cursor }), (page) => page.resources);
      this.lists.resourceTemplates = await this.collect(
        (cursor) => this.client.listResourceTemplates({ cursor }),
        (page) => page.resourceTemplates,
      );
    } else {
      this.lists.resources = [];
      this.lists.resourceTemplates = [];
    }
  }

  /** Follows nextCursor to the end; a server that keeps paging forever is cut off at 100 pages. */
  private async collect<Page extends { nextCursor?: string }, Item>(
    fetchPage: (cursor: string | undefined) => Promise<Page>,
    itemsOf: (page: Page) => Item[],
  ): Promise<Item[]> {
    const items: Item[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 100; page++) {
      const result = await fetchPage(cursor);
      items.push(...itemsOf(result));
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    return items;
  }
}
