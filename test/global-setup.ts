import { execFileSync } from 'node:child_process';
import { buildChaosServer } from './support/build-fixtures';
import { installTestKeychainForRun } from './support/isolated-keyring';

/**
 * Integration tests spawn the built servers and the chaos fixture, so build them once before any
 * test runs. Then start the run's isolated keychain and point this process's environment at it
 * before the workers start, so no test (and no child a test spawns) can reach the real keyring.
 */
export default async function setup(): Promise<() => Promise<void>> {
  if (process.env.MCP_TRAY_SKIP_BUILD !== '1') {
    execFileSync(process.execPath, ['scripts/build-servers.mjs'], { stdio: 'inherit' });
  }
  await buildChaosServer();
  return installTestKeychainForRun();
}
