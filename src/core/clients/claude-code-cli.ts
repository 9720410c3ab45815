/**
 * Applies a plan to Claude Code's user scope through its own CLI (`claude mcp add-json --scope user`,
 * `claude mcp remove --scope user`). Claude Code keeps live state in ~/.claude.json and rewrites it
 * while it runs; letting its CLI do the write means its own locking and format rules apply.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { ContractError } from '../../shared/contract';
import type { EntryOperation } from './config-plan';

const CLI_TIMEOUT_MS = 30_000;

interface ClaudeCliRun {
  /** The `claude` executable. */
  cli: string;
  /** The environment to run it in (HOME decides which ~/.claude.json it edits). */
  env: Readonly<Record<string, string | undefined>>;
}

function runClaude(run: ClaudeCliRun, args: string[]): Promise<void> {
  // Its own folder on PATH: an npm-installed `claude` is a node script that finds node there.
  const separator = process.platform === 'win32' ? ';' : ':';
  const env = { ...run.env, PATH: [path.dirname(run.cli), run.env.PATH].filter(Boolean).join(separator) };
  return new Promise((resolve, reject) => {
    execFile(run.cli, args, { env, timeout: CLI_TIMEOUT_MS, windowsHide: true }, (error, _stdout, stderr) => {
      if (!error) return resolve();
      const detail = stderr.trim().split('\n').filter(Boolean).at(-1) ?? error.message;
      // args are [mcp, <verb>, --scope, user, <name>, ...]: the entry's JSON is long and adds nothing here.
      const what = `claude ${args.slice(0, 5).join(' ')}`;
      reject(new ContractError('failed', `Claude Code's CLI could not apply the change ("${what}" failed: ${detail}). Run it yourself to see why, or try again.`));
    });
  });
}

/** Runs the plan's operations in order; an outdated entry is replaced by removing it first (add-json refuses an existing name). */
export async function applyWithClaudeCli(run: ClaudeCliRun, operations: readonly EntryOperation[]): Promise<void> {
  for (const operation of operations) {
    if (operation.kind === 'remove' || operation.replaces) await runClaude(run, ['mcp', 'remove', '--scope', 'user', operation.name]);
    if (operation.kind === 'set') await runClaude(run, ['mcp', 'add-json', '--scope', 'user', operation.name, JSON.stringify(operation.value)]);
  }
}
