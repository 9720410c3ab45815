import path from 'node:path';
import { HELP_OPTION, expectPositionals, parseCommandLine } from '../cli-args';
import type { CliEnvironment } from '../cli-context';
import { UsageError } from '../cli-errors';
import { writeErr, writeOut } from '../cli-output';
import { runManagerInForeground } from '../foreground-manager';
import { LOOPBACK_ADDRESS, isLoopbackHostName, refuseNonLoopbackHost } from '../../surfaces/http/request-guard';
import { openInBrowser } from '../../surfaces/http/serve-browser';
import { startServeHttp } from '../../surfaces/http/serve-http-server';
import type { CliCommand } from './command';

const SERVE_OPTIONS = {
  ...HELP_OPTION,
  port: { type: 'string', short: 'p' },
  host: { type: 'string' },
  'no-open': { type: 'boolean' },
} as const;

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return 0;
  if (!/^\d+$/.test(raw) || Number(raw) > 65_535) throw new UsageError(`--port must be a whole number from 0 to 65535 (0: any free port); got "${raw}".`);
  return Number(raw);
}

/** The built UI sits beside the built servers: out/renderer next to out/servers. */
function uiDirOf(environment: CliEnvironment): string {
  return path.join(path.dirname(environment.serversDir), 'renderer');
}

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Run MCP Tray with its UI in a browser (127.0.0.1 only, one-time link)',
  help: `Usage: mcp-tray serve [--port N] [--no-open]

Runs the manager in this terminal like \`mcp-tray run\`, and serves the MCP Tray
UI on http://${LOOPBACK_ADDRESS}:<port>. The link printed at start carries a
one-time token: only a browser that opened it may use the UI, and anyone who
has it can drive MCP Tray, so do not share it. A new token is made every start.
Ctrl+C stops the UI and every server cleanly.

Options:
  -p, --port N  Port to listen on (default 0: any free port)
  --host HOST   Only ${LOOPBACK_ADDRESS} or localhost; the UI is never served to the network
  --no-open     Do not open a browser; just print the link
  -h, --help    Show this help`,
  async run(args, environment) {
    const { values, positionals } = parseCommandLine(args, SERVE_OPTIONS);
    expectPositionals(positionals, []);
    const port = parsePort(values.port);
    const host = values.host ?? LOOPBACK_ADDRESS;
    if (!isLoopbackHostName(host)) throw new UsageError(refuseNonLoopbackHost(host));

    return runManagerInForeground(environment, {
      openSurface: async (core) => {
        const http = await startServeHttp({ target: core, uiDir: uiDirOf(environment), port, host, windows: core.serverRequests });
        writeErr('MCP Tray UI: open this link (it holds a one-time token; anyone with it can drive MCP Tray):');
        // The only place the token is ever written: stdout, once, so a script can read the link.
        writeOut(http.url);
        const browser = values['no-open'] ? undefined : await openInBrowser(http.url, environment.dataDir, http.port, writeErr);
        return {
          close: async () => {
            await http.close();
            await browser?.cleanup();
          },
        };
      },
    });
  },
};
