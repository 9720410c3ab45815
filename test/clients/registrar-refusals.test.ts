/** The manager's client registration facing config paths that are not plain config files. */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, openSync } from 'node:fs';
import { mkdir, readFile, symlink } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createClientSandbox, rejection, type ClientSandbox } from './support/client-sandbox';

/** Lets a reader stuck opening the FIFO go on (it then reads end-of-file), so a failing run still ends. */
function releaseFifo(fifo: string): void {
  try {
    closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
  } catch {
    // No reader waiting on it: nothing to release.
  }
}

describe.skipIf(process.platform === 'win32')('client registration refuses what is not a plain config file', () => {
  let sandbox: ClientSandbox | undefined;
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
    await sandbox?.remove();
    sandbox = undefined;
  });

  async function folderFor(file: string): Promise<string> {
    await mkdir(path.dirname(file), { recursive: true });
    return file;
  }

  it('answers clients.list with a FIFO at a config path, and refuses to register into it', async () => {
    const current = await createClientSandbox('list-fifo');
    sandbox = current;
    const fifo = await folderFor(current.configPath('claude-desktop'));
    execFileSync('mkfifo', [fifo]);
    cleanups.push(() => releaseFifo(fifo));
    await current.writeConfig('vscode', '{ "servers": {} }');

    const clients = await current.core.call('clients.list', {});

    expect(clients.find((client) => client.id === 'claude-desktop')?.error).toBe(
      `${fifo} is not a regular file but a named pipe (FIFO). MCP Tray left it as it is; put the client's config file there (or remove it) and try again.`,
    );
    expect(clients.find((client) => client.id === 'vscode')).toMatchObject({ error: null, servers: [{ state: 'not registered' }, { state: 'not registered' }] });
    const refused = await rejection(current.core.call('clients.register', { clientId: 'claude-desktop' }));
    expect(refused.message).toContain('is not a regular file but a named pipe (FIFO)');
  });

  it('answers clients.list with a socket and a link to /dev/zero at config paths', async () => {
    const current = await createClientSandbox('list-special');
    sandbox = current;
    const socketPath = await folderFor(current.configPath('cursor'));
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const zeroLink = await folderFor(current.configPath('windsurf'));
    await symlink('/dev/zero', zeroLink);

    const errors = Object.fromEntries((await current.core.call('clients.list', {})).map((client) => [client.id, client.error]));

    expect(errors).toEqual({
      'claude-desktop': null,
      'claude-code': null,
      cursor: expect.stringContaining(`${socketPath} is not a regular file but a socket.`),
      copilot: null,
      vscode: null,
      windsurf: expect.stringContaining(`${zeroLink} (a link to /dev/zero) is not a regular file but a device.`),
      codex: null,
      'gemini-cli': null,
      zed: null,
      'lm-studio': null,
    });
  });

  it('registers into an existing empty config once it has stayed empty', async () => {
    const current = await createClientSandbox('register-empty', { emptyFilePauseMs: 20 });
    sandbox = current;
    await current.writeConfig('cursor', '');
    const result = await current.core.call('clients.register', { clientId: 'cursor', serverIds: ['weather'] });
    expect(result.changed).toBe(true);
    expect(Object.keys((JSON.parse(await current.readConfig('cursor')) as { mcpServers: object }).mcpServers)).toEqual(['weather']);
  });

  it('refuses to register into a read-only config, leaving it as it was', async () => {
    const current = await createClientSandbox('register-read-only');
    sandbox = current;
    const file = await current.writeConfig('claude-desktop', '{}\n');
    execFileSync('chmod', ['0444', file]);
    const refused = await rejection(current.core.call('clients.register', { clientId: 'claude-desktop' }));
    expect(refused.message).toBe(
      `${file} is read-only (mode 0444). MCP Tray left it as it is; make it writable (for example chmod u+w "${file}") if MCP Tray may change it, and try again.`,
    );
    expect(await readFile(file, 'utf8')).toBe('{}\n');
  });
});
