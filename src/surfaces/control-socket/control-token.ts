/**
 * The control token: on Windows the control socket is a named pipe whose ACL Node cannot set, so a
 * connection also proves that it can read a random token kept in the user's data folder. The
 * manager writes a fresh one at every start; the CLI and the launcher read it and send it with their
 * first request. It never goes into a client's config file. Lean: the launcher imports it.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const CONTROL_TOKEN_FILE_NAME = 'control-token';
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[0-9a-f]{64}$/;

export function controlTokenPath(dataDir: string): string {
  return path.join(dataDir, CONTROL_TOKEN_FILE_NAME);
}

/** A new token, written owner-only, replacing the last run's (through a temp file, so no reader sees half of it). */
export async function writeControlToken(dataDir: string): Promise<string> {
  const token = randomBytes(TOKEN_BYTES).toString('hex');
  const file = controlTokenPath(dataDir);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temp, token, { mode: 0o600, flag: 'wx' });
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
  return token;
}

/** The running manager's token, or undefined when there is none (a manager that does not ask for one). */
export async function readControlToken(dataDir: string): Promise<string | undefined> {
  try {
    const token = (await readFile(controlTokenPath(dataDir), 'utf8')).trim();
    return TOKEN_PATTERN.test(token) ? token : undefined;
  } catch {
    return undefined;
  }
}

const TOKEN_REFUSAL_START = 'MCP Tray refused this connection: it did not present the control token';

/** The sentence a connection without the right token gets; its start is how clients recognise it. */
export function tokenRefusalMessage(tokenFile: string): string {
  return `${TOKEN_REFUSAL_START} from ${tokenFile}. Use the mcp-tray CLI and the launcher of this same MCP Tray.`;
}

/**
 * A refusal for the token, which a client read from the previous manager's file just before a new
 * manager replaced it: the new one writes its token before it listens, so reading the file again
 * after such a refusal gets the token that works.
 */
export function isTokenRefusal(error: { code: string; message: string }): boolean {
  return error.code === 'invalid_input' && error.message.startsWith(TOKEN_REFUSAL_START);
}

/** Compared in constant time (over digests, so a wrong length says nothing either). */
export function tokenMatches(expected: string, presented: unknown): boolean {
  if (typeof presented !== 'string') return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(expected), digest(presented));
}
