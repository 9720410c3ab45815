/**
 * The environment a client entry must declare so that the launcher, started by a client with
 * almost nothing in its environment (no PATH, sometimes no HOME), finds the same data folder,
 * keychain entries and session bus as the app that registered it. Nothing here is ever a secret:
 * the launcher reads secrets from the keychain itself.
 */
import { DEFAULT_KEYCHAIN_SERVICE } from '../../shared/vocabulary';
import { resolveDataDir } from '../../shared/node/data-dir';
import { busAddressToRegister, REGISTERED_BUS_VARIABLE } from '../../shared/node/session-bus';

interface EntryEnvironmentInput {
  /** True under Electron: the app binary only behaves as node with ELECTRON_RUN_AS_NODE=1. */
  runAsNode: boolean;
  /** The data folder of the registering app (where settings.json is). */
  dataDir: string;
  keychainService: string;
  /** The registering process's environment (for the session bus address). */
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  homeDir: string;
  uid: number | undefined;
}

export function entryEnvironment(input: EntryEnvironmentInput): Record<string, string> {
  const env: Record<string, string> = {};
  if (input.runAsNode) env.ELECTRON_RUN_AS_NODE = '1';
  // Compared with the default derived from the home folder alone: a client need not pass on
  // XDG_CONFIG_HOME or APPDATA, so a data folder found through them must be spelled out too.
  if (input.dataDir !== resolveDataDir({}, input.platform, input.homeDir)) env.MCP_TRAY_HOME = input.dataDir;
  if (input.keychainService !== DEFAULT_KEYCHAIN_SERVICE) env.MCP_TRAY_KEYCHAIN_SERVICE = input.keychainService;
  const busAddress = busAddressToRegister(input.env, input.platform, input.uid);
  if (busAddress !== undefined) env[REGISTERED_BUS_VARIABLE] = busAddress;
  return env;
}
