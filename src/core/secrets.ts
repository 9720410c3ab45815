/**
 * Secrets live in the OS keychain and nowhere else: service "MCP Tray" (or MCP_TRAY_KEYCHAIN_SERVICE),
 * account `<serverId>/<ENV_NAME>`. If the keychain cannot be used, every call fails with a
 * `ContractError('unavailable')` saying what to install or unlock; there is no fallback store.
 */
import { ContractError, EnvNameSchema, ServerIdSchema, describeValidationError } from '../shared/contract';
import { keychainAccount } from '../shared/vocabulary';
import { reasonOf } from '../shared/error-message';
import { importKeytar } from '../shared/node/keytar-module';

export interface SecretStore {
  /**
   * The stored value, or undefined when none is set. Only the manager and the launcher call this,
   * to put the value into a child's environment; it is never sent to the UI or printed by the CLI.
   */
  get(serverId: string, name: string): Promise<string | undefined>;
  set(serverId: string, name: string, value: string): Promise<void>;
  /** True when a value was deleted, false when none was set. */
  delete(serverId: string, name: string): Promise<boolean>;
  has(serverId: string, name: string): Promise<boolean>;
  /** The keychain service the values are kept under, for telling a person where to find them. */
  readonly service?: string;
}

/** Generous for API keys and tokens, small enough that a pasted file is refused rather than stored. */
export const MAX_SECRET_BYTES = 16 * 1024;
/** Windows Credential Manager refuses blobs over CRED_MAX_CREDENTIAL_BLOB_SIZE (5 * 512 bytes). */
const WINDOWS_MAX_SECRET_BYTES = 2_560;
/** A locked keychain waiting for a password prompt, or a stuck Secret Service, would otherwise never answer. */
const DEFAULT_KEYCHAIN_TIMEOUT_MS = 10_000;

export function maxSecretBytes(platform: NodeJS.Platform): number {
  return platform === 'win32' ? WINDOWS_MAX_SECRET_BYTES : MAX_SECRET_BYTES;
}

function keychainName(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'The macOS Keychain';
  if (platform === 'win32') return 'Windows Credential Manager';
  return 'The Secret Service keychain on the D-Bus session bus';
}

function keychainRemedy(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'Unlock the login keychain (open Keychain Access) and allow MCP Tray to use it, then try again.';
  if (platform === 'win32') {
    return 'Make sure Windows Credential Manager is available to your user account (it needs a normal, signed-in session), then try again.';
  }
  return 'Install and start gnome-keyring (or another Secret Service such as KeePassXC) and unlock it, then try again.';
}

/** What a person sees when the keychain cannot be used: which keychain, what went wrong, what to do. */
export function keychainUnavailableMessage(platform: NodeJS.Platform, problem: string): string {
  return `${keychainName(platform)} is not available: ${problem}. ${keychainRemedy(platform)} MCP Tray keeps secrets only in the system keychain, never in a file.`;
}

function keychainUnavailable(platform: NodeJS.Platform, problem: string): ContractError {
  return new ContractError('unavailable', keychainUnavailableMessage(platform, problem));
}

/** The backend's own words, unless they somehow contain the secret: then none of them. */
function backendProblem(error: unknown, secretValue?: string): string {
  const text = reasonOf(error);
  if (secretValue !== undefined && text.includes(secretValue)) return 'it reported an error (details withheld because they contained the secret)';
  return `it reported "${text}"`;
}

function parseServerId(serverId: unknown): string {
  const parsed = ServerIdSchema.safeParse(serverId);
  if (!parsed.success) throw new ContractError('invalid_input', `Invalid server id: ${describeValidationError(parsed.error)}`);
  return parsed.data;
}

function parseSecretName(name: unknown): string {
  const parsed = EnvNameSchema.safeParse(name);
  if (!parsed.success) throw new ContractError('invalid_input', `Invalid secret name: ${describeValidationError(parsed.error)}`);
  return parsed.data;
}

/** The keychain account of one secret, once the server id and the secret name are checked. */
export function secretAccount(serverId: unknown, name: unknown): string {
  return keychainAccount(parseServerId(serverId), parseSecretName(name));
}

/** Checks a value before it goes anywhere. Messages never quote the value. */
export function checkSecretValue(value: unknown, platform: NodeJS.Platform): string {
  if (typeof value !== 'string') throw new ContractError('invalid_input', 'A secret must be text.');
  if (value.length === 0) throw new ContractError('invalid_input', 'A secret cannot be empty; use delete to clear it.');
  // Secrets end up in a child's environment, and neither environments nor libsecret's C strings can hold NUL.
  if (value.includes('\0')) throw new ContractError('invalid_input', 'A secret cannot contain a NUL character.');
  const limit = maxSecretBytes(platform);
  if (Buffer.byteLength(value, 'utf8') > limit) {
    throw new ContractError('invalid_input', `A secret can be at most ${limit} bytes; this one is longer. Check that you pasted only the token.`);
  }
  return value;
}

type KeytarApi = Pick<typeof import('keytar'), 'getPassword' | 'setPassword' | 'deletePassword'>;

function isKeytarApi(candidate: unknown): candidate is KeytarApi {
  if (typeof candidate !== 'object' || candidate === null) return false;
  const api = candidate as Record<string, unknown>;
  return typeof api.getPassword === 'function' && typeof api.setPassword === 'function' && typeof api.deletePassword === 'function';
}

let keytarLoading: Promise<KeytarApi> | undefined;

/**
 * keytar is a native module: loading it only when a secret is first touched keeps every importer
 * of this file (the CLI's help, tests of other modules) free of libsecret, D-Bus and the addon.
 */
function loadKeytar(): Promise<KeytarApi> {
  keytarLoading ??= importKeytar().then((candidate) => {
    if (!isKeytarApi(candidate)) throw new Error('the keytar module does not expose getPassword/setPassword/deletePassword');
    return candidate;
  });
  return keytarLoading;
}

/**
 * keytar runs each call on a libuv thread-pool thread. A hung Secret Service would pin one thread per
 * call and, four calls later, stall every file operation in the process; one call at a time caps that at one.
 */
let keychainQueue: Promise<unknown> = Promise.resolve();
let abandonedCallsRunning = 0;

/**
 * True while a keychain call that timed out is still stuck in the native layer. Such a call blocks a
 * normal `process.exit()` (libuv joins its threads on exit) until libsecret gives up, which takes up to
 * about 50 s; a process that must exit now can check this and end itself with a signal instead.
 */
export function hasAbandonedKeychainCall(): boolean {
  return abandonedCallsRunning > 0;
}

function runExclusiveWithTimeout<T>(operation: () => Promise<T>, timeoutMs: number, timeoutError: () => Error): Promise<T> {
  let phase: 'waiting' | 'running' | 'settled' = 'waiting';
  let abandoned = false;
  const turn = keychainQueue.then(async () => {
    // A call that timed out while waiting its turn must not start late and pin another thread.
    if (abandoned) throw new Error('abandoned after timeout');
    phase = 'running';
    try {
      return await operation();
    } finally {
      phase = 'settled';
      if (abandoned) abandonedCallsRunning -= 1;
    }
  });
  // The next call waits until this one really finishes, even after its caller stopped waiting.
  keychainQueue = turn.then(
    () => undefined,
    () => undefined,
  );
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      abandoned = true;
      if (phase === 'running') abandonedCallsRunning += 1;
      reject(timeoutError());
    }, timeoutMs);
    turn.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

interface KeytarSecretStoreOptions {
  /** How long one keychain call may take before it fails as unavailable. Default 10 s. */
  timeoutMs?: number;
  /** Which OS's wording and limits to use; the running one unless a test says otherwise. */
  platform?: NodeJS.Platform;
}

/** The OS keychain through keytar: macOS Keychain, Windows Credential Manager, or a Secret Service on Linux. */
export class KeytarSecretStore implements SecretStore {
  private readonly timeoutMs: number;
  private readonly platform: NodeJS.Platform;

  constructor(
    readonly service: string,
    options: KeytarSecretStoreOptions = {},
  ) {
    if (service.trim() === '') throw new ContractError('invalid_input', 'The keychain service name cannot be empty.');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_KEYCHAIN_TIMEOUT_MS;
    this.platform = options.platform ?? process.platform;
  }

  async get(serverId: string, name: string): Promise<string | undefined> {
    const account = secretAccount(serverId, name);
    const value = await this.call((keytar) => keytar.getPassword(this.service, account));
    return value ?? undefined;
  }

  async set(serverId: string, name: string, value: string): Promise<void> {
    const account = secretAccount(serverId, name);
    const checkedValue = checkSecretValue(value, this.platform);
    await this.call((keytar) => keytar.setPassword(this.service, account, checkedValue), checkedValue);
  }

  async delete(serverId: string, name: string): Promise<boolean> {
    const account = secretAccount(serverId, name);
    return this.call((keytar) => keytar.deletePassword(this.service, account));
  }

  async has(serverId: string, name: string): Promise<boolean> {
    const account = secretAccount(serverId, name);
    // keytar has no "exists"; the value is read and dropped right here.
    const value = await this.call((keytar) => keytar.getPassword(this.service, account));
    return value !== null;
  }

  /** Runs one keytar call; every way it can fail becomes the same actionable "unavailable" error. */
  private call<T>(operation: (keytar: KeytarApi) => Promise<T>, secretValue?: string): Promise<T> {
    const seconds = Math.round(this.timeoutMs / 100) / 10;
    return runExclusiveWithTimeout(
      async () => {
        let keytar: KeytarApi;
        try {
          keytar = await loadKeytar();
        } catch (error) {
          throw keychainUnavailable(this.platform, `the keychain module (keytar) could not be loaded: ${reasonOf(error)}`);
        }
        try {
          return await operation(keytar);
        } catch (error) {
          throw keychainUnavailable(this.platform, backendProblem(error, secretValue));
        }
      },
      this.timeoutMs,
      () =>
        keychainUnavailable(
          this.platform,
          `it did not answer within ${seconds} s (it may be locked and waiting for a password, or stuck)`,
        ),
    );
  }
}
