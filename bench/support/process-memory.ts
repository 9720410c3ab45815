import { readFile } from 'node:fs/promises';

/** A process's resident set size in MB, from /proc (the benchmarks that use it run on Linux only). */
export async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1];
  if (kb === undefined) throw new Error(`No VmRSS for process ${pid}.`);
  return Number(kb) / 1024;
}

export async function totalRssMb(pids: readonly number[]): Promise<number> {
  const each = await Promise.all(pids.map(rssMb));
  return each.reduce((sum, value) => sum + value, 0);
}
