/**
 * The MCP Registry as MCP Tray uses it: search and show, live or from the cache when the registry
 * cannot be reached, and what adding a package takes (checked inputs, a checked file, an id).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { ContractError, type CustomServerInput } from '../../shared/contract';
import type { Runtime } from '../../shared/node/server-env';
import type { PackagePlan, RegistryAddInput, RegistryEntry, RegistrySearchResult, RegistrySource } from '../../shared/registry-contract';
import { fetchVerifiedNpmTarball } from './npm-tarball';
import { registryPackageDirOf, registryPackagesDir, removeRegistryPackageFiles } from './package-files';
import { planPackage, type RuntimeView } from './package-plan';
import { RegistryCache } from './registry-cache';
import { DEFAULT_REGISTRY_URL, RegistryClient, RegistryUnreachableError } from './registry-client';
import { entryOf, summaryOf } from './registry-entry';
import { serverIdFor } from './registry-id';
import { RuntimeLookup } from './runtimes';
import type { ServerResponse } from './server-json';

const PAGE_SIZE = 20;

export interface RegistryServiceOptions {
  dataDir: string;
  runtime: Runtime;
  /** The registry's base URL; MCP_TRAY_REGISTRY_URL, else the official registry. */
  registryUrl?: string;
  onWarning: (message: string) => void;
  timeoutMs?: number;
}

/** A package checked and ready to add, not yet given an id. */
export interface PreparedAdd {
  registryName: string;
  server: Omit<CustomServerInput, 'id'>;
  /** Secret values for the keychain, by variable name. */
  secrets: Record<string, string>;
  plan: PackagePlan;
  /** The checked npm file, in a folder of its own until the server has an id. */
  checkedFile: { dir: string; name: string; rePlan: (file: string) => PackagePlan } | null;
}

/** The server to add under its id, with the plan that says what it runs. */
export interface PlacedAdd {
  server: CustomServerInput & { id: string };
  plan: PackagePlan;
}

function registryUrlFrom(options: RegistryServiceOptions): string {
  const raw = options.registryUrl ?? (process.env.MCP_TRAY_REGISTRY_URL || DEFAULT_REGISTRY_URL);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ContractError('invalid_input', `MCP_TRAY_REGISTRY_URL "${raw}" is not a URL. Set it to a registry's base URL, e.g. ${DEFAULT_REGISTRY_URL}, or unset it.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ContractError('invalid_input', `MCP_TRAY_REGISTRY_URL must be an http(s) URL, not "${raw}".`);
  return raw.replace(/\/+$/, '');
}

export class RegistryService {
  private readonly client: RegistryClient;
  private readonly cache: RegistryCache;

  constructor(private readonly options: RegistryServiceOptions) {
    const baseUrl = registryUrlFrom(options);
    this.client = new RegistryClient({ baseUrl, timeoutMs: options.timeoutMs });
    this.cache = RegistryCache.inDataDir(options.dataDir, baseUrl, options.onWarning);
  }

  async search(text: string, cursor?: string): Promise<RegistrySearchResult> {
    const runtimes = await this.runtimeView();
    try {
      const page = await this.client.search({ text, cursor, limit: PAGE_SIZE });
      await this.cache.remember(page.servers);
      return { results: page.servers.map((response) => summaryOf(entryOf(response, runtimes, ''))), nextCursor: page.nextCursor, source: this.live() };
    } catch (error) {
      if (!(error instanceof RegistryUnreachableError)) throw error;
      if (cursor !== undefined) throw new ContractError('unavailable', `${error.message} The next page cannot be fetched; the cache holds no pages.`);
      const cached = await this.cache.search(text);
      if (cached.entries.length === 0) throw new ContractError('unavailable', `${error.message} No cached entry matches "${text}" either: search again once the registry can be reached.`);
      return {
        results: cached.entries.map((response) => summaryOf(entryOf(response, runtimes, ''))),
        nextCursor: null,
        source: { ...this.live(), offline: true, cachedAt: cached.fetchedAt, offlineReason: error.message },
      };
    }
  }

  async show(name: string, version: string | undefined, takenIds: ReadonlySet<string>): Promise<{ entry: RegistryEntry; source: RegistrySource }> {
    const { response, source } = await this.fetch(name, version);
    return { entry: entryOf(response, await this.runtimeView(), serverIdFor(name, takenIds)), source };
  }

  /** Checks the inputs against the package, and the package file when the registry gives a hash. The id is given later, by {@link place}. */
  async prepareAdd(input: RegistryAddInput & { secrets: Record<string, string>; env: Record<string, string>; autostart: boolean }): Promise<PreparedAdd> {
    const { response } = await this.fetch(input.name, input.version);
    const lookup = new RuntimeLookup(this.options.runtime);
    const runtimes = await this.runtimeView(lookup);
    const packages = response.server.packages ?? [];
    const plans = packages.map((pkg, index) => planPackage(pkg, index, runtimes));
    const index = input.packageIndex ?? plans.find((plan) => plan.installable)?.index ?? 0;
    const pkg = packages[index];
    const plan = plans[index];
    if (!pkg || !plan) throw new ContractError('invalid_input', noPackageMessage(response, input.packageIndex));
    if (!plan.installable) {
      const missingRuntime = plan.runtime !== null && plan.runtimePath === null && plan.whyNot?.includes('was not found');
      throw new ContractError(missingRuntime ? 'unavailable' : 'invalid_input', `Cannot add "${input.name}" (${plan.registryType} ${plan.identifier}): ${plan.whyNot}`);
    }
    const env = { ...plan.env, ...checkedEnv(plan, input.env) };
    checkSecrets(plan, input.secrets);
    const missing = plan.variables.filter((variable) => variable.isRequired && (variable.isSecret ? !input.secrets[variable.name] : env[variable.name] === undefined));
    if (missing.length > 0) {
      throw new ContractError('invalid_input', `"${input.name}" needs ${missing.map((variable) => `${variable.name}${variable.description ? ` (${variable.description})` : ''}`).join(', ')}. Give ${missing.length === 1 ? 'it' : 'them'} and try again.`);
    }
    let checkedFile: PreparedAdd['checkedFile'] = null;
    if (plan.verification === 'verified' && pkg.registryType === 'npm' && pkg.fileSha256 && runtimes.paths.npm) {
      // npm pack may take minutes: the file waits in a folder of its own, so no id is held meanwhile.
      const dir = path.join(registryPackagesDir(this.options.dataDir), `.pending-${randomUUID()}`);
      const file = await fetchVerifiedNpmTarball({
        npmPath: runtimes.paths.npm,
        spec: `${pkg.identifier}@${pkg.version ?? ''}`,
        expectedSha256: pkg.fileSha256,
        destination: dir,
        env: lookup.env,
      });
      checkedFile = { dir, name: path.basename(file), rePlan: (placed) => planPackage(pkg, index, runtimes, placed) };
    }
    const title = response.server.title ?? response.server.name;
    return {
      registryName: input.name,
      server: { name: title.slice(0, 80), command: plan.command ?? '', args: plan.args, env, secretEnv: plan.secretEnv, autostart: input.autostart },
      secrets: input.secrets,
      plan,
      checkedFile,
    };
  }

  /** Gives a prepared package its id, moving its checked file to that id's folder. */
  async place(prepared: PreparedAdd, id: string): Promise<PlacedAdd> {
    if (!prepared.checkedFile) return { server: { ...prepared.server, id }, plan: prepared.plan };
    const dir = registryPackageDirOf(this.options.dataDir, id);
    // A folder left under a free id belongs to no server.
    await rm(dir, { recursive: true, force: true });
    await mkdir(path.dirname(dir), { recursive: true, mode: 0o700 });
    await rename(prepared.checkedFile.dir, dir);
    const plan = prepared.checkedFile.rePlan(path.join(dir, prepared.checkedFile.name));
    return { server: { ...prepared.server, id, command: plan.command ?? '', args: plan.args }, plan };
  }

  /** Drops what a prepared or placed add kept on disk, when it is not added after all. */
  async discard(prepared: PreparedAdd, id?: string): Promise<void> {
    if (!prepared.checkedFile) return;
    await rm(prepared.checkedFile.dir, { recursive: true, force: true });
    if (id !== undefined) await removeRegistryPackageFiles(this.options.dataDir, id);
  }

  private async fetch(name: string, version: string | undefined): Promise<{ response: ServerResponse; source: RegistrySource }> {
    try {
      const response = await this.client.get(name, version);
      if (version === undefined || response._meta?.['io.modelcontextprotocol.registry/official']?.isLatest) await this.cache.remember([response]);
      return { response, source: this.live() };
    } catch (error) {
      if (!(error instanceof RegistryUnreachableError)) throw error;
      const cached = await this.cache.get(name, version);
      const [response] = cached.entries;
      if (!response) throw new ContractError('unavailable', `${error.message} "${name}"${version ? ` ${version}` : ''} is not in the cache either.`);
      return { response, source: { ...this.live(), offline: true, cachedAt: cached.fetchedAt, offlineReason: error.message } };
    }
  }

  private live(): RegistrySource {
    return { registryUrl: this.client.baseUrl, offline: false, cachedAt: null, offlineReason: null };
  }

  private async runtimeView(lookup = new RuntimeLookup(this.options.runtime)): Promise<RuntimeView> {
    const paths = await lookup.all();
    return { paths, missingMessage: (name, purpose) => lookup.missingMessage(name, purpose) };
  }
}

function noPackageMessage(response: ServerResponse, packageIndex: number | undefined): string {
  const { server } = response;
  const count = server.packages?.length ?? 0;
  if (count === 0 && (server.remotes?.length ?? 0) > 0) return `"${server.name}" is a remote server (${server.remotes?.map((remote) => remote.url).join(', ')}): MCP Tray cannot add remote servers yet.`;
  if (count === 0) return `"${server.name}" offers no package to install.`;
  return `"${server.name}" has ${count} package${count === 1 ? '' : 's'} (0 to ${count - 1}); there is no package ${packageIndex}.`;
}

function checkedEnv(plan: PackagePlan, given: Record<string, string>): Record<string, string> {
  const byName = new Map(plan.variables.map((variable) => [variable.name, variable]));
  for (const name of Object.keys(given)) {
    const variable = byName.get(name);
    const declared = plan.variables.filter((candidate) => !candidate.isSecret && !candidate.fixed).map((candidate) => candidate.name);
    if (!variable) throw new ContractError('invalid_input', `${name} is not a variable of this package (it reads: ${declared.join(', ') || 'none'}).`);
    if (variable.isSecret) throw new ContractError('invalid_input', `${name} is a secret: give it as a secret, so it goes to the keychain, not as plain environment.`);
    if (variable.fixed) throw new ContractError('invalid_input', `${name} is set by the publisher and cannot be changed.`);
  }
  return given;
}

function checkSecrets(plan: PackagePlan, given: Record<string, string>): void {
  for (const name of Object.keys(given)) {
    // Only the name is ever repeated: the value stays out of every message.
    if (!plan.secretEnv.includes(name)) throw new ContractError('invalid_input', `${name} is not a secret of this package (its secrets: ${plan.secretEnv.join(', ') || 'none'}).`);
  }
}
