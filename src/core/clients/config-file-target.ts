/**
 * Where a config path really leads. Dotfile managers keep configs as symlinks into their repository:
 * a change is written through the link to its target (created, with its folder, when the link
 * dangles), and the link itself is never replaced. Works for any file format.
 */
import { lstat, readlink, realpath } from 'node:fs/promises';
import path from 'node:path';
import { ContractError } from '../../shared/contract';
import { messageOf } from '../../shared/error-message';

/** Links followed before the chain counts as a loop; Linux gives up after 40 as well. */
const MAX_LINK_HOPS = 40;

export interface ConfigTarget {
  /** The config path as the client knows it. */
  configPath: string;
  /** The file to read and replace: the config path itself, or the end of its chain of links. */
  path: string;
  /** The config path is a symlink: its target (and the target's folder) may be created. */
  throughLink: boolean;
}

/** The config path, or "<path> (a link to <target>)": what error messages call the file. */
export function describeTarget(target: ConfigTarget): string {
  return target.throughLink ? `${target.configPath} (a link to ${target.path})` : target.configPath;
}

function loopRefusal(configPath: string): ContractError {
  return new ContractError('failed', `${configPath} is a symlink that loops back on itself. MCP Tray left it as it is; point the link at a file and try again.`);
}

export async function resolveConfigTarget(configPath: string): Promise<ConfigTarget> {
  let current = path.resolve(configPath);
  for (let hops = 0; hops <= MAX_LINK_HOPS; hops += 1) {
    const reached: ConfigTarget = { configPath, path: current, throughLink: hops > 0 };
    let info: Awaited<ReturnType<typeof lstat>>;
    try {
      info = await lstat(current);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return reached;
      if (code === 'ELOOP') throw loopRefusal(configPath);
      throw new ContractError('failed', `Cannot read ${describeTarget(reached)}: ${messageOf(error)}. Check that it is a file you can read and write.`);
    }
    if (info.isDirectory()) {
      throw new ContractError('failed', `${describeTarget(reached)} is a folder, not a file. MCP Tray left it as it is; the client expects a file there.`);
    }
    if (!info.isSymbolicLink()) return reached;
    try {
      // The link's own folder, resolved the way the kernel does, so "../x" means what it means to the client.
      current = path.resolve(await realpath(path.dirname(current)), await readlink(current));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw loopRefusal(configPath);
      throw new ContractError('failed', `Cannot follow the link ${current}: ${messageOf(error)}. MCP Tray left it as it is.`);
    }
  }
  throw loopRefusal(configPath);
}
