import path from 'node:path';
import { AppCore, type AppCoreOptions } from '../../src/core/app-core';
import { KeytarSecretStore } from '../../src/core/secrets';
import { projectRoot } from './mcp-child';
import { requireTestKeychain } from './isolated-keyring';

/** Runtime for a manager running in plain node from this checkout. */
export const headlessRuntime = {
  execPath: process.execPath,
  runAsNode: false,
  serversDir: path.join(projectRoot, 'out/servers'),
};

/** A manager on a temp data folder and the run's isolated keychain, with fast restarts and stops for tests. */
export async function createTestCore(dataDir: string, overrides: Partial<AppCoreOptions> = {}): Promise<{ core: AppCore; warnings: string[] }> {
  const warnings: string[] = [];
  const core = await AppCore.create({
    dataDir,
    secrets: new KeytarSecretStore(requireTestKeychain().keychainService),
    runtime: headlessRuntime,
    restartPolicy: { initialDelayMs: 50, maxDelayMs: 200, maxCrashes: 5, windowMs: 60_000 },
    stopTimings: { termAfterMs: 500, killAfterMs: 1_500 },
    onWarning: (message) => warnings.push(message),
    ...overrides,
  });
  return { core, warnings };
}
