/**
 * A manager (AppCore) whose client registration looks at a temp home folder only: every client's
 * config path resolves under it, never under the developer's real home. Its data folder and keychain
 * service are the test's own, so the entries it writes carry MCP_TRAY_HOME and MCP_TRAY_KEYCHAIN_SERVICE.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppCore } from '../../../src/core/app-core';
import { clientById } from '../../../src/core/clients/all-clients';
import { nodeClientContext, type ClientContext } from '../../../src/core/clients/client-context';
import type { ClientRegistrarOverrides } from '../../../src/core/clients/client-registrar';
import { KeytarSecretStore } from '../../../src/core/secrets';
import { ContractError, type ClientId } from '../../../src/shared/contract';
import { createTestCore } from '../../support/app-core-harness';
import { makeTempDir } from '../../support/chaos';
import { requireTestKeychain } from '../../support/isolated-keyring';

export interface ClientSandbox {
  core: AppCore;
  home: string;
  dataDir: string;
  keychainService: string;
  context: ClientContext;
  configPath(clientId: ClientId): string;
  /** Writes a client's config file (and its folder, which makes the client "detected"). */
  writeConfig(clientId: ClientId, text: string | Buffer): Promise<string>;
  readConfig(clientId: ClientId): Promise<string>;
  remove(): Promise<void>;
}

export async function createClientSandbox(prefix: string, overrides: ClientRegistrarOverrides = {}, env: Record<string, string> = {}): Promise<ClientSandbox> {
  const temp = await makeTempDir(prefix);
  const home = path.join(temp.dir, 'home');
  const dataDir = path.join(temp.dir, 'data');
  await mkdir(home, { recursive: true });
  // Only what the test chooses: above all no XDG_CONFIG_HOME or APPDATA pointing at real folders.
  const bus = process.env.DBUS_SESSION_BUS_ADDRESS;
  const context = nodeClientContext({ homeDir: home, env: { HOME: home, ...(bus ? { DBUS_SESSION_BUS_ADDRESS: bus } : {}), ...env } });
  // A keychain service of its own: test files run in parallel and must not see each other's secrets.
  const keychainService = `${requireTestKeychain().keychainService} ${prefix} ${randomBytes(3).toString('hex')}`;
  const { core } = await createTestCore(dataDir, { secrets: new KeytarSecretStore(keychainService), clients: { context, uid: process.getuid?.(), ...overrides } });
  const configPath = (clientId: ClientId) => clientById(clientId).configPath(context);
  return {
    core,
    home,
    dataDir,
    keychainService,
    context,
    configPath,
    async writeConfig(clientId, text) {
      const file = configPath(clientId);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, text);
      return file;
    },
    readConfig: (clientId) => readFile(configPath(clientId), 'utf8'),
    async remove() {
      await core.shutdown();
      await temp.remove();
    },
  };
}

/** The ContractError a call fails with; fails the test when the call succeeds or throws anything else. */
export async function rejection(promise: Promise<unknown>): Promise<ContractError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ContractError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
