import { runGitHubServer } from './server';

try {
  await runGitHubServer(process.env, process.argv.slice(2));
} catch (error) {
  // Before the logger exists (a bad setting): one plain line a person can read in MCP Tray's log view.
  process.stderr.write(`github server cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
