/**
 * Registers MCP Tray's servers with MCP clients: what AppCore's `clients.*` methods delegate to.
 * Each change reads the client's config, plans it (config-plan.ts), applies it as minimal text edits
 * (config-edits.ts) and writes it safely (safe-config-writer.ts) or, for Claude Code with its CLI
 * installed, through that CLI. Every result carries the diff and what the user must do next.
 */
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import {
  ContractError,
  type ClientChangeResult,
  type ClientId,
  type ClientStatus,
  type MethodParams,
  type ServerDefinition,
} from '../../shared/contract';
import { messageOf } from '../../shared/error-message';
import type { Runtime } from '../../shared/node/server-env';
import { resolveKeychainService } from '../../shared/node/data-dir';
import { KeytarSecretStore, type SecretStore } from '../secrets';
import { ALL_CLIENTS, clientById } from './all-clients';
import { findClaudeCodeCli } from './claude-code';
import { applyWithClaudeCli } from './claude-code-cli';
import { nodeClientContext, type ClientContext } from './client-context';
import type { BackupLocation } from './config-backups';
import { splitByteOrderMark } from './config-parse';
import { classify, planRegister, planRepair, planUnregister, type EntryOperation, type RegisterPlan, type WantedEntries } from './config-plan';
import { applyOperations, parseConfigText } from './config-syntax';
import { entryEnvironment } from './entry-environment';
import { isUpToDate, LAUNCHER_FILE_NAME, launchCommandFor, ourServerIdOf, type LauncherSetup } from './launch-entry';
import type { McpClient } from './mcp-client';
import { readConfigFile } from './config-file-read';
import { backupSnapshot, previewRewrite, rewriteConfigFile, type RewriteOutcome } from './safe-config-writer';
import { unifiedDiff } from './unified-diff';

interface ClientRegistrarOptions {
  /** MCP Tray's data folder: the launcher must find the same one; backups go under it. */
  dataDir: string;
  runtime: Runtime;
  keychainService: string;
  /** Every server the manager knows, as it knows it now. */
  servers: () => ServerDefinition[];
  /** The machine as the client modules see it; tests pass a temp home. */
  context?: ClientContext;
  /** Default: out/host/mcp-tray-launcher.js next to the runtime's servers folder. */
  launcherPath?: string;
  uid?: number | undefined;
  /** Finds Claude Code's CLI; undefined means "edit ~/.claude.json directly". */
  findClaudeCli?: (context: ClientContext) => string | undefined;
  /** Test seam passed to the writer: runs between our read and our rename. */
  beforeRename?: (clientId: ClientId) => Promise<void> | void;
  /** How long an existing empty config must stay untouched before it is written; default EMPTY_FILE_PAUSE_MS. */
  emptyFilePauseMs?: number;
  /** How many backups of each client's config to keep; default BACKUPS_KEPT. */
  backupsKept?: number;
}

export interface ImportTarget {
  client: McpClient;
  context: ClientContext;
  configPath: string;
  backup: BackupLocation;
  /** Our launcher entry for a server, in this client's shape. */
  entryFor(serverId: string): Record<string, unknown>;
  createFolder: boolean;
  emptyFilePause: (() => Promise<void>) | undefined;
  beforeRename: (() => Promise<void> | void) | undefined;
}

type ChangeAction = 'register' | 'unregister' | 'repair';

interface ChangeRequest {
  clientId: ClientId;
  action: ChangeAction;
  serverIds?: string[] | undefined;
  renameOnConflict: boolean;
  dryRun: boolean;
}

export class ClientRegistrar {
  private readonly context: ClientContext;

  constructor(private readonly options: ClientRegistrarOptions) {
    this.context = options.context ?? nodeClientContext();
  }

  list(): Promise<ClientStatus[]> {
    // One setup for every client: it depends on the installation, not on the client.
    const setup = this.launcherSetup();
    return Promise.all(ALL_CLIENTS.map((client) => this.status(client, setup)));
  }

  preview(input: MethodParams<'clients.preview'>): Promise<ClientChangeResult> {
    return this.change({ ...input, dryRun: true });
  }

  register(input: MethodParams<'clients.register'>): Promise<ClientChangeResult> {
    return this.change({ ...input, action: 'register', dryRun: false });
  }

  unregister(input: MethodParams<'clients.unregister'>): Promise<ClientChangeResult> {
    return this.change({ ...input, action: 'unregister', renameOnConflict: false, dryRun: false });
  }

  repair(input: MethodParams<'clients.repair'>): Promise<ClientChangeResult> {
    return this.change({ clientId: input.clientId, action: 'repair', renameOnConflict: false, dryRun: false });
  }

  /** What an import needs to read a client's file and write our entries into it the way registration does. */
  importTarget(clientId: ClientId): ImportTarget {
    const client = clientById(clientId);
    const configPath = client.configPath(this.context);
    const setup = this.launcherSetup();
    const { emptyFilePauseMs } = this.options;
    return {
      client,
      context: this.context,
      configPath,
      backup: this.backupLocation(client, configPath),
      entryFor: (serverId) => client.entryFor(launchCommandFor(serverId, setup, client.id)),
      createFolder: client.createWhenUndetected || client.isDetected(this.context),
      emptyFilePause: emptyFilePauseMs === undefined ? undefined : () => delay(emptyFilePauseMs),
      beforeRename: this.options.beforeRename ? () => this.options.beforeRename?.(client.id) : undefined,
    };
  }

  private backupLocation(client: McpClient, configPath: string): BackupLocation {
    return { dir: path.join(this.options.dataDir, 'backups', client.id), fileName: path.basename(configPath), keep: this.options.backupsKept };
  }

  /** The command every entry runs now; recomputed per call because the app may have moved. */
  private launcherSetup(): LauncherSetup {
    const { runtime } = this.options;
    return {
      execPath: runtime.execPath,
      launcherPath: this.options.launcherPath ?? path.resolve(runtime.serversDir, '..', 'host', LAUNCHER_FILE_NAME),
      env: entryEnvironment({
        runAsNode: runtime.runAsNode,
        dataDir: this.options.dataDir,
        keychainService: this.options.keychainService,
        env: this.context.env,
        platform: this.context.platform,
        homeDir: this.context.homeDir,
        uid: this.options.uid,
      }),
    };
  }

  private wantedEntries(client: McpClient, serverIds: readonly string[], setup: LauncherSetup = this.launcherSetup()): WantedEntries {
    return new Map(serverIds.map((serverId) => [serverId, client.entryFor(launchCommandFor(serverId, setup, client.id))]));
  }

  private async status(client: McpClient, setup: LauncherSetup): Promise<ClientStatus> {
    const configPath = client.configPath(this.context);
    const status: ClientStatus = {
      id: client.id,
      name: client.name,
      detected: client.isDetected(this.context),
      configPath,
      configExists: this.context.exists(configPath),
      servers: [],
      error: null,
      restartHint: client.restartHint,
    };
    try {
      const snapshot = await readConfigFile(configPath);
      const parsed = parseConfigText(splitByteOrderMark(snapshot.text ?? '').body, client.syntax, client.serversKey, configPath);
      status.servers = classify(parsed.servers, this.wantedEntries(client, this.options.servers().map((server) => server.id), setup));
    } catch (error) {
      status.error = messageOf(error);
    }
    return status;
  }

  /** The servers a change is about; undefined for "every entry of ours" (unregister without a list). */
  private selectedServers(request: ChangeRequest): string[] | undefined {
    const known = this.options.servers();
    if (request.serverIds !== undefined) {
      const ids = [...new Set(request.serverIds)];
      // Unregister may name a server MCP Tray no longer has: its entry is exactly what should go.
      const unknown = request.action === 'unregister' ? [] : ids.filter((id) => !known.some((server) => server.id === id));
      if (unknown.length > 0) {
        throw new ContractError('not_found', `There is no server ${unknown.map((id) => `"${id}"`).join(', ')}. Run "mcp-tray servers list" to see them.`);
      }
      return ids;
    }
    if (request.action === 'unregister') return undefined;
    return known.filter((server) => request.action === 'repair' || server.enabled).map((server) => server.id);
  }

  private requireInstalled(client: McpClient, configPath: string): void {
    if (client.createWhenUndetected || client.isDetected(this.context) || this.context.exists(configPath)) return;
    throw new ContractError(
      'not_found',
      `${client.name} does not look installed here (neither ${configPath} nor its folder exists). Install ${client.name} and open it once, then try again.`,
    );
  }

  private plan(request: ChangeRequest, servers: Record<string, unknown>, selected: string[] | undefined, wanted: WantedEntries): RegisterPlan {
    if (request.action === 'register') return planRegister(servers, wanted, request.renameOnConflict);
    if (request.action === 'repair') return { operations: planRepair(servers, wanted), conflicts: [] };
    return { operations: planUnregister(servers, selected === undefined ? undefined : new Set(selected)), conflicts: [] };
  }

  private async change(request: ChangeRequest): Promise<ClientChangeResult> {
    const client = clientById(request.clientId);
    const configPath = client.configPath(this.context);
    if (request.action === 'register') this.requireInstalled(client, configPath);
    const selected = this.selectedServers(request);
    const wanted = this.wantedEntries(client, selected ?? []);

    // What the latest transform decided: the writer may call it again when the file changes under us.
    let latest: RegisterPlan = { operations: [], conflicts: [] };
    const transform = (current: string | null): string | null => {
      const { mark, body } = splitByteOrderMark(current ?? '');
      const parsed = parseConfigText(body, client.syntax, client.serversKey, configPath);
      latest = this.plan(request, parsed.servers, selected, wanted);
      if (latest.operations.length === 0) return current;
      return mark + applyOperations(body, client.syntax, client.serversKey, latest.operations, configPath);
    };

    const backup = this.backupLocation(client, configPath);
    const { emptyFilePauseMs } = this.options;
    const claudeCli = client.id === 'claude-code' ? (this.options.findClaudeCli ?? findClaudeCodeCli)(this.context) : undefined;
    const outcome = request.dryRun
      ? await previewRewrite(configPath, transform)
      : claudeCli !== undefined
        ? await this.changeThroughClaudeCli(claudeCli, client, configPath, transform, () => latest.operations, wanted, backup)
        : await rewriteConfigFile({
            filePath: configPath,
            transform,
            createFolder: client.createWhenUndetected || client.isDetected(this.context),
            backup,
            emptyFilePause: emptyFilePauseMs === undefined ? undefined : () => delay(emptyFilePauseMs),
            beforeRename: this.options.beforeRename ? () => this.options.beforeRename?.(client.id) : undefined,
          });
    return {
      clientId: client.id,
      configPath,
      diff: outcome.after === null ? '' : unifiedDiff(configPath, outcome.before, outcome.after),
      changed: outcome.changed,
      conflicts: latest.conflicts,
      backupPath: outcome.backupPath,
      restartHint: client.restartHint,
    };
  }

  /** Backs up ~/.claude.json, lets Claude Code's CLI make the change, then checks the file shows it. */
  private async changeThroughClaudeCli(
    cli: string,
    client: McpClient,
    configPath: string,
    transform: (current: string | null) => string | null,
    operations: () => EntryOperation[],
    wanted: WantedEntries,
    backup: BackupLocation,
  ): Promise<Omit<RewriteOutcome, 'filePath'>> {
    const snapshot = await readConfigFile(configPath);
    const after = transform(snapshot.text);
    if (after === snapshot.text) return { before: snapshot.text, after, changed: false, backupPath: null };
    const backupPath = await backupSnapshot(snapshot, backup);
    const planned = operations();
    await applyWithClaudeCli({ cli, env: this.context.env }, planned);

    const written = await readConfigFile(configPath);
    const servers = parseConfigText(splitByteOrderMark(written.text ?? '').body, client.syntax, client.serversKey, configPath).servers;
    const missing = planned.filter((operation) => {
      const entry = servers[operation.name];
      if (operation.kind === 'remove') return entry !== undefined;
      const target = wanted.get(operation.serverId);
      return !(ourServerIdOf(entry) === operation.serverId && typeof entry === 'object' && entry !== null && target && isUpToDate(entry as Record<string, unknown>, target));
    });
    if (missing.length > 0) {
      throw new ContractError(
        'failed',
        `Claude Code's CLI reported success, but ${configPath} does not show the change for ${missing.map((operation) => `"${operation.name}"`).join(', ')}. A backup of the file as it was is at ${backupPath ?? '(none: the file did not exist)'}.`,
      );
    }
    return { before: snapshot.text, after, changed: true, backupPath };
  }
}

/** What a caller of AppCore may change about client registration; tests pass a temp home here. */
export type ClientRegistrarOverrides = Partial<Omit<ClientRegistrarOptions, 'dataDir' | 'runtime' | 'servers' | 'keychainService'>>;

/** What AppCore knows, turned into a registrar: the keychain service comes from its secret store. */
export function createClientRegistrar(
  core: { dataDir: string; runtime: Runtime; secrets: SecretStore; servers: () => ServerDefinition[] },
  overrides: ClientRegistrarOverrides = {},
): ClientRegistrar {
  const context = overrides.context ?? nodeClientContext();
  return new ClientRegistrar({
    uid: process.getuid?.(),
    ...overrides,
    context,
    dataDir: core.dataDir,
    runtime: core.runtime,
    servers: core.servers,
    keychainService: core.secrets instanceof KeytarSecretStore ? core.secrets.service : resolveKeychainService(context.env),
  });
}
