/**
 * `mcp-tray tools <id>` turning tools off and on per client, and showing and approving changed tool
 * definitions of a foreign server (the chaos fixture, which takes the description of its echo tool
 * from CHAOS_ECHO_DESCRIPTION), without a running manager and through one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chaosServerPath, waitFor } from '../support/chaos';
import { createCliSandbox, describeRun, waitForOutput, type CliResult, type CliSandbox } from './cli-harness';

describe('mcp-tray tools: switches per client and pinned definitions', { timeout: 90_000 }, () => {
  let sandbox: CliSandbox;

  const cli = async (args: string[], expectedCode = 0): Promise<CliResult> => {
    const result = await sandbox.run(args);
    expect(result.code, describeRun(result)).toBe(expectedCode);
    return result;
  };
  const toolAccess = async () => (JSON.parse(await readFile(path.join(sandbox.dataDir, 'settings.json'), 'utf8')) as { toolAccess: unknown }).toolAccess;

  beforeAll(async () => {
    sandbox = await createCliSandbox('cli-tool-exposure');
    await cli(['servers', 'add', 'chaos', '--env', 'CHAOS_ECHO_DESCRIPTION=Echoes text.', '--', process.execPath, chaosServerPath]);
  }, 60_000);

  afterAll(async () => {
    await sandbox?.remove();
  });

  it('turns a tool off for one client and on again, saying for whom', async () => {
    const off = await cli(['tools', 'github', '--disable', 'create_issue', '--client', 'claude-desktop']);
    expect(off.stdout).toBe('"create_issue" of "github" is now off for claude-desktop (MCP Tray applies it when it runs).\n');
    expect(await toolAccess()).toMatchObject({ github: { offForAll: [], offByClient: { 'claude-desktop': ['create_issue'] } } });
    await cli(['tools', 'github', '--enable', 'create_issue', '--client', 'claude-desktop']);
    expect(await toolAccess()).toMatchObject({ github: { offForAll: [], offByClient: {} } });
  });

  it('says what to do when a tool off for every client is turned on for one', async () => {
    await cli(['tools', 'github', '--disable', 'update_issue']);
    const refused = await cli(['tools', 'github', '--enable', 'update_issue', '--client', 'cursor'], 1);
    expect(refused.stderr).toContain('"update_issue" is turned off for every client. Turn it on for all first (mcp-tray tools github --enable update_issue)');
    const on = await cli(['tools', 'github', '--enable', 'update_issue']);
    expect(on.stdout).toContain('is now on for every client');
  });

  it('shows a changed tool description as a diff, holds it back, and approves it', async () => {
    const first = await cli(['tools', 'chaos', '--changes']);
    expect(first.stdout).toMatch(/^The tools of "chaos" are as you approved them \(approved \d{4}-\d\d-\d\d /);

    await cli(['servers', 'env', 'chaos', 'CHAOS_ECHO_DESCRIPTION=Echoes text. Also reads your SSH keys.']);
    const changed = await cli(['tools', 'chaos', '--changes']);
    expect(changed.stdout).toMatch(/^echo\s+changed\s+description\s+held back$/m);
    expect(changed.stdout).toContain('-  "description": "Echoes text.",');
    expect(changed.stdout).toContain('+  "description": "Echoes text. Also reads your SSH keys.",');
    expect(changed.stdout).toContain('mcp-tray tools chaos --approve');

    await cli(['tools', 'chaos', '--disable', 'hang']);
    await cli(['tools', 'chaos', '--disable', 'crash', '--client', 'cursor']);
    await cli(['tools', 'chaos', '--disable', 'crash', '--client', 'Claude Code']);
    const listed = await cli(['tools', 'chaos']);
    expect(listed.stdout).toMatch(/^TOOL\s+DESCRIPTION\s+HINTS\s+OFF FOR\s+HELD$/m);
    expect(listed.stdout).toMatch(/^echo\s+Echoes text\. Also reads your SSH keys\.\s+-\s+changed$/m);
    expect(listed.stdout).toMatch(/^hang\s+.*\s+all\s+-$/m);
    expect(listed.stdout).toMatch(/^crash\s+.*\s+cursor, Claude Code\s+-$/m);
    expect(listed.stdout).toContain('See the change with: mcp-tray tools chaos --changes');
    const listedJson = JSON.parse((await cli(['tools', 'chaos', '--json'])).stdout) as { offFor: object; held: object };
    expect(listedJson).toMatchObject({ offFor: { hang: ['all'], crash: ['cursor', 'Claude Code'] }, held: { echo: 'changed' } });
    await cli(['tools', 'chaos', '--enable', 'hang']);
    await cli(['tools', 'chaos', '--enable', 'crash', '--client', 'cursor']);
    await cli(['tools', 'chaos', '--enable', 'crash', '--client', 'Claude Code']);

    const approved = await cli(['tools', 'chaos', '--approve', 'echo']);
    expect(approved.stdout).toBe('Approved the current definitions of echo on "chaos"; clients are shown them again.\n');
    expect((await cli(['tools', 'chaos', '--changes'])).stdout).toMatch(/^The tools of "chaos" are as you approved them/);
    expect((await cli(['tools', 'chaos', '--approve'])).stdout).toBe('Nothing to approve: the tools of "chaos" are as you approved them.\n');
  });

  it('refuses a tool the server does not have, and matches client names whatever their case, warning of one it does not know', async () => {
    const refused = await cli(['tools', 'chaos', '--disable', 'ech0'], 1);
    expect(refused.stderr).toContain('"chaos" has no tool named "ech0". Did you mean "echo"');
    expect(JSON.stringify(await toolAccess())).not.toContain('ech0');

    const unknownClient = await cli(['tools', 'chaos', '--disable', 'echo', '--client', 'Claude Desktop']);
    expect(unknownClient.stderr).toContain('mcp-tray: warning: "Claude Desktop" is neither a client MCP Tray registers with nor one seen on "chaos"');
    const registered = await cli(['tools', 'chaos', '--disable', 'echo', '--client', 'Cursor']);
    expect(registered.stderr).toBe('');
    await cli(['tools', 'chaos', '--enable', 'echo', '--client', 'claude desktop']);
    await cli(['tools', 'chaos', '--enable', 'echo', '--client', 'CURSOR']);
    expect(await toolAccess()).toMatchObject({ chaos: { offForAll: [], offByClient: {} } });
  });

  it('says a bundled server is never held back', async () => {
    const result = await cli(['tools', 'weather', '--changes']);
    expect(result.stdout).toBe('"weather" ships with MCP Tray: its tools are approved with each release and never held back.\n');
  });

  it('through a running manager, a description changed on restart is held back until approved', async () => {
    const manager = sandbox.spawn(['run']);
    try {
      await waitForOutput(manager, /Press Ctrl\+C to stop/, 'stderr');
      await waitFor('chaos to run', async () => (await sandbox.run(['status'])).stdout.match(/^chaos\s+\S+\s+custom\s+running/m), 30_000);
      const off = await cli(['tools', 'chaos', '--disable', 'crash', '--client', 'Some Client']);
      expect(off.stdout).toBe('"crash" of "chaos" is now off for Some Client.\n');

      await cli(['servers', 'env', 'chaos', 'CHAOS_ECHO_DESCRIPTION=Echoes text, changed while MCP Tray runs.']);
      const changed = await waitFor('echo to be held back', async () => {
        const result = await sandbox.run(['tools', 'chaos', '--changes', '--json']);
        const changes = JSON.parse(result.stdout) as { held: string[] };
        return changes.held.includes('echo') ? changes : undefined;
      }, 30_000);
      expect(changed).toMatchObject({ serverId: 'chaos', pinned: true, changes: [{ tool: 'echo', change: 'changed', fields: ['description'] }] });
      const approved = await cli(['tools', 'chaos', '--approve', '--json']);
      expect(JSON.parse(approved.stdout)).toMatchObject({ changes: [], held: [] });
    } finally {
      manager.child.kill('SIGTERM');
      await manager.exited;
    }
  });
});
