/** `mcp-tray import`, run as the built CLI in a sandbox with its own temp HOME and keychain service. */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCliSandbox, describeRun, type CliSandbox } from '../host/cli-harness';
import { filesContaining, keychainLookup } from './support/import-checks';

const onLinux = process.platform === 'linux';
if (!onLinux) console.warn(`[import-cli] skipped: these tests check the keychain with secret-tool against the isolated Linux keychain; this platform is ${process.platform}.`);

describe.skipIf(!onLinux)('mcp-tray import', () => {
  let cli: CliSandbox;
  let cursorConfig: string;
  const token = `ghp_${randomBytes(18).toString('hex')}`;
  const original = `${JSON.stringify(
    {
      mcpServers: {
        github: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'], env: { GITHUB_PERSONAL_ACCESS_TOKEN: token, GITHUB_TOOLSETS_KEY: 'repos' } },
        docs: { url: 'https://docs.example.com/mcp' },
      },
    },
    undefined,
    2,
  )}\n`;

  beforeEach(async () => {
    cli = await createCliSandbox('cli-import');
    cursorConfig = path.join(cli.home, '.cursor', 'mcp.json');
    await mkdir(path.dirname(cursorConfig), { recursive: true });
    await writeFile(cursorConfig, original);
  });
  afterEach(() => cli.remove());

  it('prints the plan and the diff in a dry run, and changes nothing', async () => {
    const dry = await cli.run(['import', 'cursor', '--dry-run', '--rewrite']);
    expect(dry.code, describeRun(dry)).toBe(0);
    expect(dry.stdout).toContain(`Cursor: ${cursorConfig}\n  github -> github-2\n    runs: npx -y @modelcontextprotocol/server-github\n`);
    expect(dry.stdout).toContain('    to the keychain: GITHUB_PERSONAL_ACCESS_TOKEN (ghp_… (40 characters)), GITHUB_TOOLSETS_KEY (… (5 characters))\n');
    expect(dry.stdout).toContain('Remote, not imported yet: docs\n');
    expect(dry.stdout).toContain('mcp-tray-launcher.js');
    expect(dry.stdout).toContain('Dry run: nothing was imported, stored or written.');
    expect(dry.stdout + dry.stderr).not.toContain(token);
    expect(await readFile(cursorConfig, 'utf8')).toBe(original);
  });

  it('imports, moves the token to the keychain, rewrites the entry and drops the backup', async () => {
    const done = await cli.run(['import', 'cursor', '--rewrite', '--drop-backup', '--keep-env', 'GITHUB_TOOLSETS_KEY']);
    expect(done.code, describeRun(done)).toBe(0);
    expect(done.stdout).toContain('    kept in its environment: GITHUB_TOOLSETS_KEY\n');
    expect(done.stdout).toContain('Imported github-2.\nMoved to the system keychain: github-2/GITHUB_PERSONAL_ACCESS_TOKEN.\n');
    expect(done.stdout).toContain(`Rewrote ${cursorConfig}: the imported entries now start through MCP Tray.\nDeleted the backup of the previous version`);
    expect(done.stdout + done.stderr).not.toContain(token);

    expect(await keychainLookup(cli.keychainService, `github-2/GITHUB_PERSONAL_ACCESS_TOKEN`)).toBe(token);
    expect(await filesContaining(token, cli.home, cli.dataDir)).toEqual([]);
    const settings = await readFile(path.join(cli.dataDir, 'settings.json'), 'utf8');
    expect(settings).toContain('"GITHUB_TOOLSETS_KEY": "repos"');
  });

  it('refuses --drop-backup without --rewrite, and an unknown --keep-env name', async () => {
    const alone = await cli.run(['import', 'cursor', '--drop-backup']);
    expect(alone.code, describeRun(alone)).toBe(2);
    expect(alone.stderr).toContain('--drop-backup deletes the backup that --rewrite makes; give both.');
    const unknown = await cli.run(['import', 'cursor', '--keep-env', 'NOPE']);
    expect(unknown.code, describeRun(unknown)).toBe(2);
    expect(unknown.stderr).toContain('No server to import has a variable NOPE');
    expect(await readFile(cursorConfig, 'utf8')).toBe(original);
  });

  it('leaves an entry with a token argument out unless --include-flagged is given', async () => {
    const apiKey = `zq81Xc4PLmv02Wnt${randomBytes(6).toString('hex')}`;
    await writeFile(cursorConfig, `${JSON.stringify({ mcpServers: { search: { command: 'npx', args: ['search-mcp', `--api-key=${apiKey}`] } } }, undefined, 2)}\n`);
    const left = await cli.run(['import', 'cursor', '--rewrite']);
    expect(left.code, describeRun(left)).toBe(0);
    expect(left.stdout).toContain('search -> search (not imported: an argument holds a token; --include-flagged imports it as it is)');
    expect(left.stdout).toContain('Nothing was imported.');
    const taken = await cli.run(['import', 'cursor', '--include-flagged', '--dry-run', '--rewrite']);
    expect(taken.code, describeRun(taken)).toBe(0);
    expect(taken.stdout).not.toContain('(not imported');
    expect(taken.stdout + taken.stderr).not.toContain(apiKey);
  });
});
