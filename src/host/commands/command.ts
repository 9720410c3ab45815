import type { CliEnvironment } from '../cli-context';

/** One `mcp-tray` command: its words, its help, and what it does. */
export interface CliCommand {
  /** The words that select it, e.g. "servers add". */
  name: string;
  /** One line for `mcp-tray --help`. */
  summary: string;
  /** The full help text, starting with the usage line(s). */
  help: string;
  /** Runs with the words after the command's name; resolves to the exit code. */
  run(args: string[], environment: CliEnvironment): Promise<number>;
}
