import { rm } from 'node:fs/promises';
import path from 'node:path';

/** Where checked registry package files are kept, one folder per server id. */
export function registryPackagesDir(dataDir: string): string {
  return path.join(dataDir, 'registry-packages');
}

export function registryPackageDirOf(dataDir: string, id: string): string {
  return path.join(registryPackagesDir(dataDir), id);
}

/** Deletes the checked package files kept for a server; nothing to do for a server that has none. */
export async function removeRegistryPackageFiles(dataDir: string, id: string): Promise<void> {
  await rm(registryPackageDirOf(dataDir, id), { recursive: true, force: true });
}
