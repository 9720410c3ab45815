/** How the CLI talks to people: aligned columns, short durations, plain states, no stack traces. */
import type { Health, ServerDefinition } from '../shared/contract';
import { neutralizeControls } from './terminal-text';

/** A line for a person: any control character a server sent is shown, never acted on by the terminal. */
export function writeOut(text = ''): void {
  process.stdout.write(`${neutralizeControls(text)}\n`);
}

export function writeErr(text: string): void {
  process.stderr.write(`${neutralizeControls(text)}\n`);
}

/** JSON for programs: strings exactly as the server sent them. */
export function writeJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, undefined, 2)}\n`);
}

/** One JSON value per line (NDJSON), strings exactly as the server sent them. */
export function writeJsonLine(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** Columns separated by two spaces, each as wide as its widest cell; the last column is not padded. */
export function formatTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

/** 45s, 3m 12s, 2h 5m, 3d 4h. */
export function formatDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${seconds % 60}s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ${minutes % 60}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

/** The state as a person reads it: "running", "stopped (disabled)", "backoff (retry in 4s)". */
export function describeState(health: Health, enabled = true): string {
  if (health.state === 'stopped' && !enabled) return 'stopped (disabled)';
  if (health.state === 'backoff' && health.nextRestartAt) {
    const waitMs = Math.max(0, Date.parse(health.nextRestartAt) - Date.now());
    return `backoff (retry in ${formatDuration(waitMs + 999)})`;
  }
  return health.state;
}

/** One line saying what became of a server after start/stop/restart, and why when it is not running. */
export function describeHealthOutcome(health: Health): string {
  const pid = health.pid !== null ? ` (pid ${health.pid})` : '';
  const reason = health.error ? `: ${health.error}` : '';
  return `${health.serverId}: ${describeState(health)}${pid}${health.state === 'running' ? '' : reason}`;
}

/** Why a server is not running, with the last lines it wrote, for failed/backoff states. */
export function describeProblem(health: Health): string[] {
  const lines: string[] = [];
  if (health.error) lines.push(health.error);
  if (health.lastExit && health.state !== 'running') {
    const how = health.lastExit.signal ? `killed by ${health.lastExit.signal}` : `exited with code ${health.lastExit.code ?? 'unknown'}`;
    lines.push(`last exit: ${how} at ${health.lastExit.at}`);
    for (const stderrLine of health.lastExit.stderrTail.slice(-5)) lines.push(`  | ${stderrLine}`);
  }
  return lines;
}

export function commandLineOf(definition: Pick<ServerDefinition, 'command' | 'args'>): string {
  return [definition.command, ...definition.args].map((word) => (/[\s"'$]/.test(word) || word === '' ? JSON.stringify(word) : word)).join(' ');
}
