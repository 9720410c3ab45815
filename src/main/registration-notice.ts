/**
 * What the person is told after "Add to Claude Desktop" in the tray: what changed, and what to do
 * next (Claude Desktop reads its config only at start).
 */
import type { ClientChangeResult } from '../shared/contract';
import type { FailureEnvelope } from '../surfaces/contract-port';

export interface Notice {
  title: string;
  body: string;
  level: 'info' | 'warning' | 'error';
}

type RegistrationOutcome = { ok: true; result: ClientChangeResult } | FailureEnvelope;

export function describeClaudeRegistration(outcome: RegistrationOutcome): Notice {
  if (!outcome.ok) return { title: 'Could not add MCP Tray to Claude Desktop', body: outcome.error.message, level: 'error' };
  const { changed, conflicts, restartHint, configPath } = outcome.result;
  if (conflicts.length > 0) {
    const names = conflicts.join(', ');
    const prefix = changed ? `Added the other servers. ${restartHint} ` : '';
    return {
      title: 'Claude Desktop already has servers with these names',
      body: `${prefix}${configPath} already holds entries named ${names} that MCP Tray did not write; they were left alone. Open MCP Tray > Clients to add ours under another name.`,
      level: 'warning',
    };
  }
  if (!changed) return { title: 'Claude Desktop is already set up', body: `${configPath} already lists MCP Tray's servers.`, level: 'info' };
  return { title: 'Added to Claude Desktop', body: restartHint, level: 'info' };
}
