/**
 * Every example in every command's --help, run as a person would paste it into a shell: against
 * fake upstreams, in a temp HOME, without a running manager. An example that fails teaches the
 * wrong thing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { COMMANDS } from '../../src/host/commands';
import { startFakeOpenMeteo, type FakeOpenMeteo } from '../servers/fixtures/weather-fake-open-meteo';
import { chaosServerPath } from '../support/chaos';
import { cliPath, createCliSandbox, describeRun, type CliResult, type CliSandbox } from './cli-harness';

/** What the examples read from stdin (a secret piped in). */
const PIPED_SECRET = 'ghp_exampleexampleexampleexample0000';

/** The lines under "Example:" or "Examples:" in one command's help. */
function examplesIn(help: string): string[] {
  const section = help.split(/^Examples?:$/m)[1];
  if (section === undefined) return [];
  const examples: string[] = [];
  for (const line of section.split('\n').slice(1)) {
    if (line.trim() === '') break;
    examples.push(line.trim());
  }
  return examples;
}

describe('the examples in mcp-tray --help', { timeout: 120_000 }, () => {
  let sandbox: CliSandbox;
  let upstream: FakeOpenMeteo;
  const examples: Array<{ command: string; example: string }> = [];

  /** Runs one line through /bin/sh, where `mcp-tray` on PATH is the built CLI. */
  function runInShell(line: string): Promise<CliResult> {
    return new Promise((resolve) => {
      const child = spawn('/bin/sh', ['-c', line], { env: sandbox.env, cwd: sandbox.home });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      // A command that reads no stdin may exit before the pipe is written.
      child.stdin.on('error', () => {});
      child.stdin.end(`${PIPED_SECRET}\n`);
      child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    });
  }

  beforeAll(async () => {
    sandbox = await createCliSandbox('cli-help-examples');
    upstream = await startFakeOpenMeteo();
    // The npx of the `servers add` example: a stand-in that starts a local fixture server instead of downloading one.
    const bin = path.join(sandbox.home, 'bin');
    await mkdir(bin);
    await writeFile(path.join(bin, 'npx'), `#!/bin/sh\nexec "${process.execPath}" "${chaosServerPath}"\n`);
    await writeFile(path.join(bin, 'mcp-tray'), `#!/bin/sh\nexec "${process.execPath}" "${cliPath}" "$@"\n`);
    await Promise.all(['npx', 'mcp-tray'].map((name) => chmod(path.join(bin, name), 0o755)));
    sandbox.env.PATH = `${bin}${path.delimiter}${sandbox.env.PATH}`;
    for (const args of [
      ['servers', 'env', 'weather', `WEATHER_API_URL=${upstream.url}`, `GEOCODING_API_URL=${upstream.url}`],
      ['servers', 'env', 'github', 'GITHUB_API_URL=http://127.0.0.1:9'],
    ]) {
      const result = await sandbox.run(args);
      expect(result.code, describeRun(result)).toBe(0);
    }
    for (const command of COMMANDS) {
      for (const example of examplesIn(command.help)) examples.push({ command: command.name, example });
    }
  }, 120_000);

  afterAll(async () => {
    await upstream?.close();
    await sandbox?.remove();
  });

  it('finds the examples of call, servers add and secrets set', () => {
    expect(examples.map(({ command }) => command)).toEqual(expect.arrayContaining(['call', 'servers add', 'secrets set']));
    expect(examples.every(({ example }) => example.startsWith('mcp-tray '))).toBe(true);
    expect(examples.filter(({ example }) => example.includes(' weather ')).length).toBeGreaterThan(0);
  });

  it('runs every example successfully; the weather ones answer with the weather', async () => {
    for (const { example } of examples) {
      const result = await runInShell(example);
      expect(result.code, `${example}\n${describeRun(result)}`).toBe(0);
      if (example.includes(' weather ')) expect(result.stdout, example).toContain('Open-Meteo');
    }
  });
});
