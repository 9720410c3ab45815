/**
 * Runs a custom server for a client as our child. Its stdio IS the client's pipes (inherited), so
 * JSON-RPC flows between client and server untouched, from the first byte, with no copying through
 * the launcher. Signals the client sends us are passed on; the server's exit code (or signal) becomes ours.
 */
import crossSpawn from 'cross-spawn';
import { buildServerEnv, type Runtime } from '../shared/node/server-env';
import { findExecutable } from '../shared/node/find-executable';
import { MANAGED_ENV_NAMES } from '../shared/node/session-bus';
import type { LaunchDefinition } from './settings';

/** Variables meant for the launcher alone: a custom server must not see them (ELECTRON_RUN_AS_NODE would change how an Electron-based server runs). */
const LAUNCHER_ONLY_ENV = MANAGED_ENV_NAMES;

const FORWARDED_SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT', 'SIGHUP'];

export async function runCustomServer(
  definition: Extract<LaunchDefinition, { kind: 'custom' }>,
  secrets: Record<string, string>,
  runtime: Runtime,
  log: (message: string) => void,
): Promise<void> {
  // What the client gave us, then what the manager would give the server: PATH with the usual tool folders, its env, its secrets.
  const inherited: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined && !LAUNCHER_ONLY_ENV.includes(name)) inherited[name] = value;
  const serverEnv = buildServerEnv(
    { ...definition, name: definition.id, description: '', enabled: true, autostart: true, sharing: 'per-session', roots: [] },
    runtime,
    secrets,
  );
  const env = { ...inherited, ...serverEnv };
  const command = (await findExecutable(definition.command, env.PATH)) ?? definition.command;

  // cross-spawn: on Windows a .cmd shim (npx, uvx) runs through cmd.exe with escaped arguments.
  const child = crossSpawn(command, definition.args, { env, stdio: 'inherit', windowsHide: true });
  const forwarders = FORWARDED_SIGNALS.map((signal) => {
    const forward = () => child.kill(signal);
    process.on(signal, forward);
    return { signal, forward };
  });
  await new Promise<never>(() => {
    child.once('error', (error) => {
      log(`could not start "${command}" for server "${definition.id}": ${error.message}. Check the command in MCP Tray.`);
      process.exit(1);
    });
    child.once('exit', (code, signal) => {
      for (const { signal: name, forward } of forwarders) process.off(name, forward);
      if (signal !== null) {
        // Die the way the server died, so the client sees the same thing it would without us.
        process.kill(process.pid, signal);
        return;
      }
      // Explicitly: a keychain call stuck in native code would otherwise keep this process alive.
      process.exit(code ?? 1);
    });
  });
}
