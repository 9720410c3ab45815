/**
 * Imports a client's servers into MCP Tray: what AppCore's `clients.importPlan`, `clients.import` and
 * `clients.dropBackup` delegate to. Nothing is left half-done: the secrets go into the keychain
 * first, then the servers into the catalog, then (with rewrite) the client's file is rewritten with
 * the same safe writer, backup and refusals as registration; a failure at any step undoes the earlier
 * ones. The backup of the rewritten file still holds the plaintext token: the summary names it, and
 * dropBackup deletes it.
 */
import { readFile, realpath, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { ContractError, CustomServerInputSchema, type CustomServer, type MethodParams, type MethodResult, type ServerDefinition } from '../../../shared/contract';

type ImportPlan = MethodResult<'clients.importPlan'>;
type ImportSummary = MethodResult<'clients.import'>;
import type { ImportedServer } from '../../../shared/import-contract';
import { messageOf } from '../../../shared/error-message';
import { createRedactor, hasTokenShape } from '../../../shared/redact';
import type { SecretStore } from '../../secrets';
import type { ImportTarget } from '../client-registrar';
import { listBackups } from '../config-backups';
import { readConfigFile } from '../config-file-read';
import { splitByteOrderMark } from '../config-parse';
import { parseConfigText } from '../config-syntax';
import { previewRewrite, rewriteConfigFile, type RewriteOutcome } from '../safe-config-writer';
import { unifiedDiff } from '../unified-diff';
import { diffSecretValues } from './diff-secrets';
import { planImport, publicPlan, type InternalPlan, type PlannedServer } from './import-planner';
import { replacementTransform, type EntryReplacement } from './import-rewrite';

interface ClientImporterOptions {
  dataDir: string;
  target(clientId: MethodParams<'clients.import'>['clientId']): ImportTarget;
  servers(): ServerDefinition[];
  addServer(server: CustomServer): void;
  removeServer(id: string): void;
  secrets: SecretStore;
}

/** One server to add, as chosen: what goes into the catalog and what into the keychain. */
interface ChosenServer {
  planned: PlannedServer;
  server: CustomServer;
  /** Secrets with a value to store. */
  moved: Array<[name: string, value: string]>;
}

/** A value this import stored, and the one it replaced under the same server id and name. */
interface StoredSecret {
  serverId: string;
  name: string;
  previous: string | undefined;
}

const MAX_NAME_LENGTH = 80;

export class ClientImporter {
  constructor(private readonly options: ClientImporterOptions) {}

  async plan(input: MethodParams<'clients.importPlan'>): Promise<ImportPlan> {
    return publicPlan(await this.internalPlan(this.options.target(input.clientId), input.includeProjects));
  }

  async import(input: MethodParams<'clients.import'>): Promise<ImportSummary> {
    const target = this.options.target(input.clientId);
    const plan = await this.internalPlan(target, input.includeProjects);
    const chosen = this.choose(plan, input.choices);
    const replacements: EntryReplacement[] = chosen.map(({ planned }) => ({
      name: planned.name,
      serverId: planned.serverId,
      location: planned.location,
      raw: planned.raw,
      launcherEntry: target.entryFor(planned.serverId),
    }));
    const transform = replacementTransform(target.client, target.configPath, replacements);
    const rewrite = input.rewrite && chosen.length > 0;
    // Refusals (unparsable, read-only, changed entries) come before anything is stored.
    const preview = rewrite ? await previewRewrite(target.configPath, transform) : undefined;
    const redact = createRedactor(diffSecretValues(chosen.map(({ planned }) => planned)));
    const diffOf = (before: string | null, after: string | null) => (after === null || before === after ? '' : redact(unifiedDiff(target.configPath, before, after)));
    const summary = (diff: string, backupPath: string | null, rewritten: boolean, backupsWithSecrets: string[] = []): ImportSummary => ({
      clientId: target.client.id,
      configPath: target.configPath,
      dryRun: input.dryRun,
      added: chosen.map(importedServer),
      flags: [...plan.flags, ...chosen.flatMap(({ planned }) => planned.flags)],
      skipped: plan.skipped,
      remote: plan.remote,
      diff,
      rewritten,
      backupPath,
      backupHoldsSecrets: backupPath !== null && chosen.some(({ moved, planned }) => moved.length > 0 || planned.tokenArgs.length > 0),
      backupsWithSecrets,
      restartHint: target.client.restartHint,
    });
    if (input.dryRun) return summary(preview ? diffOf(preview.before, preview.after) : '', null, false);

    this.refuseTakenIds(chosen);
    const stored = await this.storeSecrets(chosen);
    try {
      this.addServers(chosen);
    } catch (error) {
      await this.undoSecrets(stored);
      throw error;
    }
    const movedValues = chosen.flatMap(({ moved }) => moved.map(([, value]) => value));
    if (!rewrite) return summary('', null, false, await backupsHolding(target, movedValues));
    let outcome: RewriteOutcome;
    try {
      outcome = await rewriteConfigFile({
        filePath: target.configPath,
        transform,
        createFolder: target.createFolder,
        backup: target.backup,
        emptyFilePause: target.emptyFilePause,
        beforeRename: target.beforeRename,
      });
    } catch (error) {
      // The writer fails only before its rename: the client's file still starts its own copies.
      for (const { server } of chosen) this.options.removeServer(server.id);
      await this.undoSecrets(stored);
      throw error;
    }
    // Renamed: the client's file now points at the imported servers, so nothing below undoes them.
    const done = summary(diffOf(outcome.before, outcome.after), outcome.backupPath, outcome.changed, await backupsHolding(target, movedValues));
    return { ...done, flags: [...done.flags, ...(outcome.warnings ?? [])] };
  }

  /** Deletes one backup of a client's config; only a file under the data folder's backups. */
  async dropBackup(input: MethodParams<'clients.dropBackup'>): Promise<{ path: string; deleted: true }> {
    const backupsDir = path.join(this.options.dataDir, 'backups');
    const refuse = () =>
      new ContractError('invalid_input', `${input.path} is not a backup of a client's config in MCP Tray's data folder (${backupsDir}); MCP Tray deletes only those.`);
    let real: string;
    let realBackups: string;
    try {
      [real, realBackups] = await Promise.all([realpath(input.path), realpath(backupsDir)]);
    } catch {
      throw new ContractError('not_found', `There is no backup at ${input.path}: it may have been deleted already.`);
    }
    const relative = path.relative(realBackups, real);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative) || !real.endsWith('.bak') || !(await stat(real)).isFile()) throw refuse();
    await rm(real);
    return { path: input.path, deleted: true };
  }

  private async internalPlan(target: ImportTarget, includeProjects: boolean): Promise<InternalPlan> {
    const snapshot = await readConfigFile(target.configPath);
    if (snapshot.text === null) throw new ContractError('not_found', `${target.client.name} has no config file at ${target.configPath}, so there is nothing to import.`);
    const { root, servers } = parseConfigText(splitByteOrderMark(snapshot.text).body, target.client.syntax, target.client.serversKey, target.configPath);
    return planImport({ client: target.client, context: target.context, configPath: target.configPath, root, servers, existing: this.options.servers(), includeProjects });
  }

  private choose(plan: InternalPlan, choices: MethodParams<'clients.import'>['choices']): ChosenServer[] {
    const picks = choices ?? plan.servers.filter((planned) => planned.tokenArgs.length === 0).map((planned) => ({ key: planned.key, secrets: undefined, keepTokenArgs: false }));
    return picks.map((choice) => {
      const planned = plan.servers.find((candidate) => candidate.key === choice.key);
      if (!planned) {
        throw new ContractError('invalid_input', `There is no entry "${choice.key}" to import in ${plan.configPath} (it may be skipped, remote, or changed since). Look at the import plan again.`);
      }
      if (planned.tokenArgs.length > 0 && !choice.keepTokenArgs) {
        throw new ContractError(
          'invalid_input',
          `An argument of "${planned.name}" looks like a token, which would stay in plain text in MCP Tray's settings. Move it into an environment variable the server reads and plan again, or choose the entry with keepTokenArgs to import it as it is.`,
        );
      }
      const names = new Set([...(choice.secrets ?? planned.suggested.keys()), ...planned.unset]);
      const unknown = [...names].find((name) => !Object.hasOwn(planned.env, name) && !planned.unset.includes(name));
      if (unknown !== undefined) throw new ContractError('invalid_input', `"${planned.name}" has no variable ${unknown}.`);
      const env = Object.fromEntries(Object.entries(planned.env).filter(([name]) => !names.has(name)));
      const shaped = Object.entries(env).find(([, value]) => hasTokenShape(value));
      if (shaped) {
        throw new ContractError('invalid_input', `${shaped[0]} of "${planned.name}" looks like a token, and MCP Tray keeps tokens only in the keychain: leave it among the secrets that move.`);
      }
      const moved = Object.entries(planned.env).filter(([name]) => names.has(name));
      const server = CustomServerInputSchema.parse({
        id: planned.serverId,
        name: planned.name.trim().slice(0, MAX_NAME_LENGTH) || planned.serverId,
        command: planned.command,
        args: planned.args,
        env,
        secretEnv: [...names],
        enabled: planned.enabled,
      });
      return { planned, server, moved };
    });
  }

  /** The plan picked free ids, but a server may have been added since: refuse before the keychain is touched. */
  private refuseTakenIds(chosen: readonly ChosenServer[]): void {
    const taken = new Set(this.options.servers().map((server) => server.id));
    const clash = chosen.find(({ server }) => taken.has(server.id));
    if (clash) throw new ContractError('conflict', `A server "${clash.server.id}" was added to MCP Tray since the import was planned. Look at the import plan again.`);
  }

  /**
   * All or nothing: when one secret cannot be stored, the ones stored before it are undone. Returns
   * what was stored with the value each replaced, so that undoing restores a value that was there
   * before rather than deleting it.
   */
  private async storeSecrets(chosen: readonly ChosenServer[]): Promise<StoredSecret[]> {
    const stored: StoredSecret[] = [];
    try {
      for (const { server, moved } of chosen) {
        for (const [name, value] of moved) {
          let previous: string | undefined;
          try {
            previous = await this.options.secrets.get(server.id, name);
            await this.options.secrets.set(server.id, name, value);
          } catch (error) {
            const code = error instanceof ContractError ? error.code : 'failed';
            throw new ContractError(code, `${name} of "${server.id}" could not be stored in the keychain: ${messageOf(error)} Nothing was imported.`);
          }
          stored.push({ serverId: server.id, name, previous });
        }
      }
    } catch (error) {
      await this.undoSecrets(stored);
      throw error;
    }
    return stored;
  }

  /** Deletes the values this import created and puts back the ones it replaced. */
  private async undoSecrets(stored: readonly StoredSecret[]): Promise<void> {
    for (const { serverId, name, previous } of stored) {
      if (previous === undefined) await this.options.secrets.delete(serverId, name).catch(() => false);
      else await this.options.secrets.set(serverId, name, previous).catch(() => undefined);
    }
  }

  private addServers(chosen: readonly ChosenServer[]): void {
    const added: string[] = [];
    try {
      for (const { server } of chosen) {
        this.options.addServer(server);
        added.push(server.id);
      }
    } catch (error) {
      for (const id of added) this.options.removeServer(id);
      throw error;
    }
  }
}

/** This client's backups that hold one of the values, as written or escaped inside a string. */
async function backupsHolding(target: ImportTarget, values: readonly string[]): Promise<string[]> {
  if (values.length === 0) return [];
  const forms = values.flatMap((value) => [value, JSON.stringify(value).slice(1, -1)]);
  const holding: string[] = [];
  for (const backup of await listBackups(target.backup)) {
    const text = await readFile(backup, 'utf8').catch(() => '');
    if (forms.some((form) => text.includes(form))) holding.push(backup);
  }
  return holding;
}

function importedServer({ planned, server, moved }: ChosenServer): ImportedServer {
  return {
    name: planned.name,
    scope: planned.scope,
    project: planned.project,
    serverId: server.id,
    enabled: server.enabled,
    secrets: moved.map(([name]) => name),
    unsetSecrets: planned.unset.filter((name) => server.secretEnv.includes(name)),
  };
}
