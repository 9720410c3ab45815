/**
 * Where the CLI finds things (data folder, keychain service, the built servers) and how it reaches
 * a manager: the running one over the control socket, or, when none runs, an in-process AppCore
 * that starts nothing by itself and is shut down when the command ends.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppCore } from '../core/app-core';
import { resolveDataDir, resolveKeychainService } from '../shared/node/data-dir';
import { KeytarSecretStore } from '../core/secrets';
import type { ContractPort } from '../surfaces/contract-port';
import { CliFailure, MANAGER_NOT_RUNNING_MESSAGE } from './cli-errors';
import { writeErr } from './cli-output';
import { connectControlSocket, type ControlClient } from '../surfaces/control-socket/client';

export interface CliEnvironment {
  dataDir: string;
  keychainService: string;
  /** The folder of the built bundled servers: out/servers next to out/host/cli.js. */
  serversDir: string;
}

export function resolveCliEnvironment(env: NodeJS.ProcessEnv = process.env): CliEnvironment {
  const cliFolder = path.dirname(fileURLToPath(import.meta.url));
  return {
    dataDir: resolveDataDir(env, process.platform, os.homedir()),
    keychainService: resolveKeychainService(env),
    serversDir: path.resolve(cliFolder, '..', 'servers'),
  };
}

export async function createCore(environment: CliEnvironment): Promise<AppCore> {
  return AppCore.create({
    dataDir: environment.dataDir,
    secrets: new KeytarSecretStore(environment.keychainService),
    runtime: { execPath: process.execPath, runAsNode: false, serversDir: environment.serversDir },
    onWarning: (message) => writeErr(`mcp-tray: warning: ${message}`),
  });
}

/** The contract port's `call`, whether the manager runs elsewhere or in this process. */
export interface ManagerSession extends Pick<ContractPort, 'call'> {
  /** True when a running manager answers; false for an in-process one. */
  readonly running: boolean;
  readonly managerPid: number | undefined;
  /** The live connection, for subscriptions; only when `running`. */
  readonly client: ControlClient | undefined;
  close(): Promise<void>;
}

function remoteSession(client: ControlClient): ManagerSession {
  return {
    running: true,
    managerPid: client.managerPid,
    client,
    call: (method, input) => client.call(method, input),
    close: async () => client.close(),
  };
}

function inProcessSession(core: AppCore): ManagerSession {
  return {
    running: false,
    managerPid: undefined,
    client: undefined,
    call: (method, input) => core.call(method, input),
    close: () => core.shutdown(),
  };
}

type SessionMode =
  /** Use the running manager, or an in-process one when none runs. */
  | 'running-or-in-process'
  /** Only a running manager will do (start/stop/restart, logs --follow). */
  | 'running-only';

async function openSession(environment: CliEnvironment, mode: SessionMode): Promise<ManagerSession> {
  const client = await connectControlSocket(environment.dataDir);
  if (client) return remoteSession(client);
  if (mode === 'running-only') throw new CliFailure(MANAGER_NOT_RUNNING_MESSAGE);
  return inProcessSession(await createCore(environment));
}

/** Opens a session, runs `work` with it, and always closes it (an in-process manager stops its servers). */
export async function withSession<T>(environment: CliEnvironment, mode: SessionMode, work: (session: ManagerSession) => Promise<T>): Promise<T> {
  const session = await openSession(environment, mode);
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}
