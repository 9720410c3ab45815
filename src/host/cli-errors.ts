/** The CLI's exit codes: scripts branch on them, so they never change meaning. */
export const EXIT_OK = 0;
/** Something went wrong: a server error, a refused change, the manager not running, a tool reporting isError. */
export const EXIT_FAILURE = 1;
/** The command line itself was wrong: usage goes to stderr. */
export const EXIT_USAGE = 2;
/** The person pressed Ctrl+C at a prompt. */
export const EXIT_INTERRUPTED = 130;

/** A mistake in the command line. The CLI prints the message and the command's usage, then exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A failure already explained to the person; the CLI prints the message as is and exits with the code. */
export class CliFailure extends Error {
  override readonly name = 'CliFailure';
  constructor(
    message: string,
    readonly exitCode: number = EXIT_FAILURE,
  ) {
    super(message);
  }
}

export const MANAGER_NOT_RUNNING_MESSAGE = 'MCP Tray is not running. Start it with `mcp-tray run` or open the app, then try again.';
