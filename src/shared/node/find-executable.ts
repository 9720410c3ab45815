import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Resolves a command the way a shell would: a path is checked as is, a bare name is looked up on PATH.
 * Returns the absolute path, or undefined when nothing executable is found.
 */
export async function findExecutable(
  command: string,
  envPath: string | undefined,
  platform: NodeJS.Platform = process.platform,
  pathExt: string | undefined = process.env.PATHEXT,
): Promise<string | undefined> {
  const pathApi = platform === 'win32' ? path.win32 : path.posix;
  const extensions = platform === 'win32' ? ['', ...(pathExt ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean)] : [''];
  const candidates = command.includes('/') || (platform === 'win32' && command.includes('\\'))
    ? [pathApi.resolve(command)]
    : (envPath ?? '').split(platform === 'win32' ? ';' : ':').filter(Boolean).map((dir) => pathApi.join(dir, command));
  for (const candidate of candidates) {
    for (const extension of extensions) {
      const file = candidate + extension;
      if (await isExecutableFile(file, platform)) return file;
    }
  }
  return undefined;
}

async function isExecutableFile(file: string, platform: NodeJS.Platform): Promise<boolean> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return false;
    if (platform !== 'win32') await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
