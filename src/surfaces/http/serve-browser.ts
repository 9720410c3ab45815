/**
 * Opens the UI in the person's browser. The link holds the access token, and a browser started
 * with a URL keeps it in its command line, which every local user can read (ps, /proc). So the
 * browser is given a file instead: a private (0600) page in the data folder that forwards to the
 * link. The file is removed when the host stops.
 */
import { spawn } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { messageOf } from '../../shared/error-message';

interface OpenedBrowser {
  /** Removes the forwarding page. */
  cleanup(): Promise<void>;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function forwardingPage(url: string): string {
  const safe = escapeHtml(url);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${safe}"><title>MCP Tray</title></head>
<body><p>Opening <a href="${safe}">MCP Tray</a>…</p></body></html>
`;
}

function openerFor(target: string): { command: string; args: string[] } {
  if (process.platform === 'darwin') return { command: 'open', args: [target] };
  if (process.platform === 'win32') return { command: 'cmd.exe', args: ['/d', '/s', '/c', 'start', '""', `"${target}"`] };
  return { command: 'xdg-open', args: [target] };
}

/** Starts the browser without waiting for it; `onProblem` hears why when it cannot. */
export async function openInBrowser(url: string, dataDir: string, port: number, onProblem: (message: string) => void): Promise<OpenedBrowser> {
  const pagePath = path.join(dataDir, `serve-open-${port}.html`);
  const cleanup = () => rm(pagePath, { force: true });
  try {
    await writeFile(pagePath, forwardingPage(url), { mode: 0o600 });
    const { command, args } = openerFor(pathToFileURL(pagePath).href);
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsVerbatimArguments: process.platform === 'win32' });
    child.on('error', (error) => onProblem(`Could not open a browser (${command}: ${error.message}). Open the link above yourself.`));
    child.unref();
  } catch (error) {
    onProblem(`Could not open a browser (${messageOf(error)}). Open the link above yourself.`);
  }
  return { cleanup };
}
