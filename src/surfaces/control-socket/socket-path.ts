import { createHash } from 'node:crypto';
import path from 'node:path';

const CONTROL_SOCKET_FILE_NAME = 'control.sock';
/** sun_path holds 104 bytes on macOS and 108 on Linux, NUL included. */
const MAX_UNIX_SOCKET_PATH_BYTES = 103;

/**
 * Where the manager for a data folder listens: `<dataDir>/control.sock` on POSIX, and on Windows
 * (where sockets are named pipes in one global namespace) a pipe named after a hash of the folder.
 */
export function controlSocketPath(dataDir: string, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') {
    // Windows paths are case-insensitive: C:\Users\A and c:\users\a are the same folder.
    const hash = createHash('sha256').update(path.win32.resolve(dataDir).toLowerCase()).digest('hex').slice(0, 16);
    return `\\\\.\\pipe\\mcp-tray-${hash}`;
  }
  return path.posix.join(dataDir, CONTROL_SOCKET_FILE_NAME);
}

/** A socket path the OS would refuse, explained, or undefined when it fits. */
export function socketPathProblem(socketPath: string, platform: NodeJS.Platform = process.platform): string | undefined {
  if (platform === 'win32' || Buffer.byteLength(socketPath) <= MAX_UNIX_SOCKET_PATH_BYTES) return undefined;
  return `The control socket path ${socketPath} is longer than the ${MAX_UNIX_SOCKET_PATH_BYTES} bytes the OS allows. Set MCP_TRAY_HOME to a shorter folder.`;
}
