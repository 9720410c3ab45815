/**
 * The app's persisted settings: `<data folder>/settings.json`, validated with zod on load and on
 * every update. `conf` does the writing (atomic write, file mode 0o600); under Electron the main
 * process passes an electron-store factory instead, through the same backend seam.
 *
 * Secrets never go in here. `PersistedSettings` has no field that holds a secret value (custom
 * servers carry only the NAMES of their secrets in `secretEnv`), object literals with extra keys
 * such as `secrets` are refused by the compiler, and the schema also refuses at runtime a plain
 * env variable named like a declared secret or holding a token-shaped value.
 */
import Conf from 'conf';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { BUNDLED_SERVERS } from '../shared/vocabulary';
import {
  AppSettingsSchema,
  ContractError,
  CustomServerInputSchema,
  EnvNameSchema,
  ServerIdSchema,
  RootsSchema,
  SharingSchema,
  describeValidationError,
} from '../shared/contract';
import { hasTokenShape } from '../shared/redact';
import { messageOf } from '../shared/error-message';
import { moveCorruptFileAside } from './corrupt-file';
import { ToolAccessSettingsSchema } from './tool-access-schema';

/** Per-server choices, for bundled and custom servers alike. Unset booleans mean "the server's default". */
export const ServerOverridesSchema = z.object({
  enabled: z.boolean().optional(),
  autostart: z.boolean().optional(),
  sharing: SharingSchema.optional(),
  roots: RootsSchema.optional(),
  /** Non-secret environment only (e.g. WEATHER_API_URL); secrets live in the keychain. */
  env: z.record(EnvNameSchema, z.string()).default(() => ({})),
});

const bundledSecretNames = new Map<string, ReadonlySet<string>>(BUNDLED_SERVERS.map((server) => [server.id, new Set(server.secretEnv)]));

function checkPlainEnv(
  env: Record<string, string>,
  secretNames: ReadonlySet<string>,
  serverId: string,
  pathPrefix: PropertyKey[],
  context: z.RefinementCtx,
): void {
  for (const [name, value] of Object.entries(env)) {
    if (secretNames.has(name)) {
      context.addIssue({
        code: 'custom',
        path: [...pathPrefix, name],
        message: `${name} is a secret of "${serverId}": it belongs in the system keychain ("mcp-tray secrets set ${serverId} ${name}"), not in settings.`,
      });
    } else if (hasTokenShape(value)) {
      context.addIssue({
        code: 'custom',
        path: [...pathPrefix, name],
        message: `${name} looks like a token. Declare it as a secret of "${serverId}" so it is kept in the system keychain, not in settings.`,
      });
    }
  }
}

const PersistedSettingsSchema = z
  .object({
    app: AppSettingsSchema.prefault({}),
    servers: z.record(ServerIdSchema, ServerOverridesSchema).default(() => ({})),
    customServers: z.array(CustomServerInputSchema).default(() => []),
    /** Tools turned off per server, for every client or for one. */
    toolAccess: ToolAccessSettingsSchema.default(() => ({})),
  })
  .superRefine((settings, context) => {
    const customSecretNames = new Map<string, ReadonlySet<string>>();
    settings.customServers.forEach((server, index) => {
      if (bundledSecretNames.has(server.id)) {
        context.addIssue({ code: 'custom', path: ['customServers', index, 'id'], message: `"${server.id}" is the id of a bundled server; choose another id.` });
      } else if (customSecretNames.has(server.id)) {
        context.addIssue({ code: 'custom', path: ['customServers', index, 'id'], message: `"${server.id}" is already used by another custom server.` });
      }
      const secretNames = new Set(server.secretEnv);
      customSecretNames.set(server.id, secretNames);
      checkPlainEnv(server.env, secretNames, server.id, ['customServers', index, 'env'], context);
    });
    for (const [serverId, overrides] of Object.entries(settings.servers)) {
      const secretNames = bundledSecretNames.get(serverId) ?? customSecretNames.get(serverId) ?? new Set<string>();
      checkPlainEnv(overrides.env, secretNames, serverId, ['servers', serverId, 'env'], context);
    }
  });

export type PersistedSettings = z.output<typeof PersistedSettingsSchema>;
/** What an update may return: defaults (e.g. a custom server's `args`) are filled in by the schema. */
export type PersistedSettingsInput = z.input<typeof PersistedSettingsSchema>;

const KNOWN_TOP_LEVEL_KEYS: ReadonlySet<string> = new Set(Object.keys(PersistedSettingsSchema.shape));

export function defaultSettings(): PersistedSettings {
  return PersistedSettingsSchema.parse({});
}

const SETTINGS_FILE_NAME = 'settings.json';

/**
 * The part of `conf` the store uses. electron-store extends Conf and takes the same options, so
 * under Electron: `createBackend: (options) => new ElectronStore(options)`.
 */
interface SettingsBackend {
  /** The file the backend reads and writes; must be `<dir>/settings.json`. */
  readonly path: string;
  /** Reading parses the file; assigning writes it atomically. */
  store: Record<string, unknown>;
}

export interface SettingsBackendOptions {
  cwd: string;
  configName: string;
  fileExtension: string;
  configFileMode: number;
  /** The store moves a broken file aside itself; the backend must never silently wipe it. */
  clearInvalidConfig: false;
  /** Server ids and env names are keys, not paths: "a.b" must stay one key. */
  accessPropertiesByDotNotation: false;
  watch: false;
  serialize: (value: Record<string, unknown>) => string;
  deserialize: (text: string) => Record<string, unknown>;
}

export type SettingsBackendFactory = (options: SettingsBackendOptions) => SettingsBackend;

const confBackend: SettingsBackendFactory = (options) => new Conf<Record<string, unknown>>(options);

interface SettingsStoreOptions {
  /** The app's data folder (see resolveDataDir); created with mode 0o700 if missing. */
  dir: string;
  /** Told when the settings file had to be moved aside; the app carries on with defaults. */
  onWarning?: (message: string) => void;
  /** Defaults to conf; the Electron main process passes electron-store. */
  createBackend?: SettingsBackendFactory;
}

/** Editors on Windows like to start a file with a byte-order mark, which JSON.parse rejects. */
function parseSettingsJson(text: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new TypeError('the file does not hold a JSON object');
  return parsed as Record<string, unknown>;
}

function serializeSettings(value: Record<string, unknown>): string {
  return `${JSON.stringify(value, undefined, 2)}\n`;
}

/**
 * Where JSON.parse stopped, as " (line L, column C)" when it says so. Its own message is not reused:
 * V8 quotes a piece of the file there, and a hand-edited file could hold a token.
 */
function describeJsonErrorPosition(text: string, error: unknown): string {
  const position = /at position (\d+)/.exec(error instanceof Error ? error.message : '');
  if (!position?.[1]) return '';
  const before = text.slice(0, Number(position[1])).split('\n');
  return ` (line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1})`;
}

type LoadOutcome =
  | { kind: 'missing' }
  | { kind: 'valid'; settings: PersistedSettings; preserved: Record<string, unknown> }
  | { kind: 'broken'; reason: string };

/** Reads and checks the file without changing it. A file that cannot even be read stops the app: overwriting it would lose it. */
function loadSettingsFile(filePath: string): LoadOutcome {
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw new ContractError('failed', `Cannot read the settings file ${filePath}: ${messageOf(error)}. Check that it is a file you can read and write.`);
  }
  let raw: Record<string, unknown>;
  try {
    raw = parseSettingsJson(text);
  } catch (error) {
    return { kind: 'broken', reason: `it is not valid JSON${describeJsonErrorPosition(text, error)}` };
  }
  const parsed = PersistedSettingsSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'broken', reason: `it does not match the settings schema (${describeValidationError(parsed.error)})` };
  // Top-level keys this version does not know (a newer version's, a backend's own) are written back untouched.
  const preserved = Object.fromEntries(Object.entries(raw).filter(([key]) => !KNOWN_TOP_LEVEL_KEYS.has(key)));
  return { kind: 'valid', settings: parsed.data, preserved };
}

export class SettingsStore {
  private constructor(
    private readonly backend: SettingsBackend,
    private current: PersistedSettings,
    private readonly preservedTopLevel: Record<string, unknown>,
  ) {}

  /**
   * Opens `<dir>/settings.json`. A file that is not JSON or fails the schema is moved aside to
   * `settings.json.corrupt-<timestamp>`, `onWarning` is told where, and defaults are used.
   * Unknown keys inside validated parts are dropped on the next write; unknown top-level keys are kept.
   */
  static open(options: SettingsStoreOptions): SettingsStore {
    const dir = path.resolve(options.dir);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const filePath = path.join(dir, SETTINGS_FILE_NAME);

    const outcome = loadSettingsFile(filePath);
    let settings = defaultSettings();
    let preserved: Record<string, unknown> = {};
    if (outcome.kind === 'valid') {
      settings = outcome.settings;
      preserved = outcome.preserved;
    } else if (outcome.kind === 'broken') {
      const asidePath = moveCorruptFileAside(filePath, 'The settings file');
      options.onWarning?.(
        `The settings file ${filePath} could not be used: ${outcome.reason}. It was moved to ${asidePath} and default settings are in use; fix that file and move it back to restore your settings.`,
      );
    }

    const createBackend = options.createBackend ?? confBackend;
    const backend = createBackend({
      cwd: dir,
      configName: path.basename(SETTINGS_FILE_NAME, '.json'),
      fileExtension: 'json',
      configFileMode: 0o600,
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      watch: false,
      serialize: serializeSettings,
      deserialize: parseSettingsJson,
    });
    if (path.resolve(backend.path) !== filePath) {
      throw new Error(`The settings backend uses ${backend.path}, expected ${filePath}.`);
    }
    return new SettingsStore(backend, settings, preserved);
  }

  /** The settings file's full path. */
  get path(): string {
    return this.backend.path;
  }

  /** A copy: changing it changes nothing until it goes through update(). */
  get(): PersistedSettings {
    return structuredClone(this.current);
  }

  /**
   * Applies `mutate` to a copy of the current settings, validates the result and writes it.
   * Invalid: ContractError('invalid_input'), nothing written, nothing changed. Returns what was saved.
   */
  update(mutate: (current: PersistedSettings) => PersistedSettingsInput): PersistedSettings {
    const parsed = PersistedSettingsSchema.safeParse(mutate(structuredClone(this.current)));
    if (!parsed.success) throw new ContractError('invalid_input', `Settings not saved: ${describeValidationError(parsed.error)}`);
    try {
      this.backend.store = { ...this.preservedTopLevel, ...parsed.data };
    } catch (error) {
      throw new ContractError('failed', `Could not save settings to ${this.backend.path}: ${messageOf(error)}`);
    }
    this.current = parsed.data;
    return structuredClone(parsed.data);
  }
}
