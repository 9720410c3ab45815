import fs from 'node:fs';
import { ContractError } from '../shared/contract';
import { messageOf } from '../shared/error-message';

/**
 * Renames a file that cannot be used, byte for byte, to `<file>.corrupt-<timestamp>` next to it, so
 * nothing is lost; returns the new path. `what` names the file in the error when it cannot be moved.
 */
export function moveCorruptFileAside(filePath: string, what: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  let asidePath = `${filePath}.corrupt-${stamp}`;
  for (let attempt = 2; fs.existsSync(asidePath); attempt += 1) asidePath = `${filePath}.corrupt-${stamp}-${attempt}`;
  try {
    fs.renameSync(filePath, asidePath);
  } catch (error) {
    throw new ContractError('failed', `${what} ${filePath} is broken and could not be moved aside (${messageOf(error)}). Move or delete it, then start MCP Tray again.`);
  }
  return asidePath;
}
