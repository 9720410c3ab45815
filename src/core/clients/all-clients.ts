/** Every MCP client MCP Tray can register with, in the order the UI and `mcp-tray clients` list them. */
import type { ClientId } from '../../shared/contract';
import { claudeCode } from './claude-code';
import { claudeDesktop } from './claude-desktop';
import { codex } from './codex';
import { copilot } from './copilot';
import { cursor } from './cursor';
import { geminiCli } from './gemini-cli';
import { lmStudio } from './lm-studio';
import type { McpClient } from './mcp-client';
import { vscode } from './vscode';
import { windsurf } from './windsurf';
import { zed } from './zed';

export const ALL_CLIENTS: readonly McpClient[] = [claudeDesktop, claudeCode, cursor, copilot, vscode, windsurf, codex, geminiCli, zed, lmStudio];

export function clientById(id: ClientId): McpClient {
  const client = ALL_CLIENTS.find((candidate) => candidate.id === id);
  // ClientIdSchema and this list name the same clients; a mismatch is a programming error.
  if (!client) throw new Error(`No client module for "${id}".`);
  return client;
}
