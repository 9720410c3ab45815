/** What the import tests check from outside MCP Tray: the keychain through secret-tool, and every file on disk. */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { getNodeValue, findNodeAtLocation, parseTree } from 'jsonc-parser';

const run = promisify(execFile);

/** The value libsecret's own CLI finds for MCP Tray's account, as any other program would see it. */
export async function keychainLookup(service: string, account: string): Promise<string> {
  const { stdout } = await run('secret-tool', ['lookup', 'service', service, 'account', account], { env: process.env });
  return stdout;
}

/** Every regular file under the folders. */
export async function filesUnder(...dirs: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const dir of dirs) {
    const entries = await readdir(dir, { withFileTypes: true, recursive: true });
    for (const entry of entries) if (entry.isFile()) found.push(path.join(entry.parentPath, entry.name));
  }
  return found;
}

/** The files among them whose bytes contain the text. */
export async function filesContaining(text: string, ...dirs: string[]): Promise<string[]> {
  const files = await filesUnder(...dirs);
  const holding: string[] = [];
  for (const file of files) if ((await readFile(file)).includes(text)) holding.push(file);
  return holding;
}

/** Where one entry's value sits in a JSON(C) text, so the bytes around it can be compared. */
export function jsonValueSpan(text: string, location: string[]): { start: number; end: number; value: unknown } {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const node = root ? findNodeAtLocation(root, location) : undefined;
  if (!node) throw new Error(`no value at ${location.join('.')}`);
  return { start: node.offset, end: node.offset + node.length, value: getNodeValue(node) };
}
