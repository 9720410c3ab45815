/**
 * Runs a server for a client as our child. Built as a file of its own, which the launcher loads
 * only when it needs a child: its zod and MCP SDK code stay out of every other start.
 *
 * A custom server started at launch gets the client's pipes themselves (inherited), so JSON-RPC
 * flows between client and server untouched, from the first byte, with no copying through the
 * launcher. Signals the client sends us are passed on; the server's exit code (or signal) becomes
 * ours. A server started because the manager went away mid-session gets pipes instead: the launcher
 * keeps relaying, and replays the client's handshake to it first.
 */
import type { ChildProcess } from 'node:child_process';
import crossSpawn from 'cross-spawn';
import { buildServerEnv, type Runtime } from '../shared/node/server-env';
import { findExecutable } from '../shared/node/find-executable';
import { MANAGED_ENV_NAMES } from '../shared/node/session-bus';
import type { LaunchDefinition } from './settings';

/** Variables meant for the launcher alone: a custom server must not see them (ELECTRON_RUN_AS_NODE would change how an Electron-based server runs). */
const LAUNCHER_ONLY_ENV = MANAGED_ENV_NAMES;

const FORWARDED_SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT', 'SIGHUP'];

export interface ServerChild {
  child: ChildProcess;
  /** The command that was started, for messages. */
  command: string;
}

/** Starts the server as a child with the environment the manager would give it, on `stdio`. */
export async function spawnServerChild(definition: LaunchDefinition, secrets: Record<string, string>, runtime: Runtime, stdio: 'inherit' | 'pipe'): Promise<ServerChild> {
  // What the client gave us, then what the manager would give the server.
  const inherited: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined && !LAUNCHER_ONLY_ENV.includes(name)) inherited[name] = value;
  if (definition.kind === 'bundled') {
    const env = { ...inherited, ...(runtime.runAsNode ? { ELECTRON_RUN_AS_NODE: '1' } : {}), ...definition.env, ...secrets };
    return { child: crossSpawn(runtime.execPath, [definition.entryFile], { env, stdio: [stdio, stdio, 'inherit'], windowsHide: true }), command: runtime.execPath };
  }
  // For a custom server: PATH with the usual tool folders, its env, its secrets.
  const serverEnv = buildServerEnv(
    { ...definition, name: definition.id, description: '', enabled: true, autostart: true, sharing: 'per-session', roots: [] },
    runtime,
    secrets,
  );
  const env = { ...inherited, ...serverEnv };
  const command = (await findExecutable(definition.command, env.PATH)) ?? definition.command;
  // cross-spawn: on Windows a .cmd shim (npx, uvx) runs through cmd.exe with escaped arguments.
  return { child: crossSpawn(command, definition.args, { env, stdio: [stdio, stdio, 'inherit'], windowsHide: true }), command };
}

/**
 * Passes the client's signals on to the child, and ends this process the way the child ended: with
 * its exit code, or by the same signal. `log` explains a child that could not start.
 */
export function followServerChild({ child, command }: ServerChild, serverId: string, log: (message: string) => void): Promise<never> {
  const forwarders = FORWARDED_SIGNALS.map((signal) => {
    const forward = () => child.kill(signal);
    process.on(signal, forward);
    return { signal, forward };
  });
  return new Promise<never>(() => {
    child.once('error', (error) => {
      log(`could not start "${command}" for server "${serverId}": ${error.message}. Check the command in MCP Tray.`);
      process.exit(1);
    });
    // 'close', not 'exit': by then the launcher has relayed everything a piped server wrote.
    child.once('close', (code, signal) => {
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

export async function runCustomServer(
  definition: Extract<LaunchDefinition, { kind: 'custom' }>,
  secrets: Record<string, string>,
  runtime: Runtime,
  log: (message: string) => void,
): Promise<void> {
  await followServerChild(await spawnServerChild(definition, secrets, runtime, 'inherit'), definition.id, log);
}
