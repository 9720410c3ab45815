import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/** Resident memory of a process in bytes, or null where it cannot be read. */
export async function readRssBytes(pid: number, platform: NodeJS.Platform = process.platform): Promise<number | null> {
  try {
    if (platform === 'linux') {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
      return kb === undefined ? null : Number(kb) * 1024;
    }
    if (platform === 'darwin') {
      const kb = await new Promise<string>((resolve, reject) =>
        execFile('ps', ['-o', 'rss=', '-p', String(pid)], { timeout: 2_000 }, (error, stdout) => (error ? reject(error) : resolve(stdout))),
      );
      const value = Number(kb.trim());
      return Number.isFinite(value) && value > 0 ? value * 1024 : null;
    }
    return null;
  } catch {
    return null;
  }
}
