import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseWithSmolToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import type { EntryOperation } from './config-plan';
import { applyTomlOperations, parseTomlConfig } from './toml-config';

const FILE = '/home/ada/.codex/config.toml';

/** A Codex config.toml someone has lived with: comments, inline tables, dotted keys, a date, servers, profiles. */
const LIVED_IN = readFileSync(path.join(import.meta.dirname, '../../../test/fixtures/client-configs/codex-config.toml'), 'utf8');

const ENTRY = {
  command: '/opt/MCP Tray/mcp-tray',
  args: ['/opt/MCP Tray/resources/out/host/mcp-tray-launcher.js', 'weather'],
  startup_timeout_sec: 30,
  env: { ELECTRON_RUN_AS_NODE: '1', MCP_TRAY_HOME: '/home/ada/.config/MCP Tray' },
};

function set(name: string, value: Record<string, unknown> = ENTRY): EntryOperation {
  return { kind: 'set', serverId: 'weather', name, value, replaces: false };
}

function remove(name: string): EntryOperation {
  return { kind: 'remove', serverId: 'weather', name };
}

function apply(text: string, ...operations: EntryOperation[]): string {
  return applyTomlOperations(text, 'mcp_servers', operations, FILE);
}

describe('Codex config.toml edits', () => {
  it('adds our server as its own tables after the other servers; everything else stays, and a second parser agrees', () => {
    const after = apply(LIVED_IN, set('weather'));

    // Right after the last server table's last value; the comment introducing [profiles.fast] stays with it.
    expect(after).toBe(
      LIVED_IN.replace(
        'bearer_token_env_var = "DOCS_TOKEN"\n',
        [
          'bearer_token_env_var = "DOCS_TOKEN"',
          '',
          '[mcp_servers.weather]',
          'command = "/opt/MCP Tray/mcp-tray"',
          'args = [ "/opt/MCP Tray/resources/out/host/mcp-tray-launcher.js", "weather" ]',
          'startup_timeout_sec = 30',
          '',
          '[mcp_servers.weather.env]',
          'ELECTRON_RUN_AS_NODE = "1"',
          'MCP_TRAY_HOME = "/home/ada/.config/MCP Tray"',
          '',
        ].join('\n'),
      ),
    );
    for (const comment of ['# Codex settings, edited by hand', '# ask before running anything', '# inline env table', '# The docs server is remote.', '# Profiles: codex --profile fast', '# cheap']) {
      expect(after).toContain(comment);
    }
    const before = parseWithSmolToml(LIVED_IN);
    const parsed = parseWithSmolToml(after);
    expect(parsed.mcp_servers).toEqual({ ...(before.mcp_servers as object), weather: ENTRY });
    const { mcp_servers: _ours, ...rest } = parsed;
    const { mcp_servers: _theirs, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
  });

  it.each([
    ['a lived-in file', LIVED_IN],
    ['an empty file', ''],
    ['a file without servers', 'model = "o3"\n\n[profiles.fast]\nmodel = "mini"\n'],
    ['a file without a final line break', 'model = "o3"\n[mcp_servers.a]\ncommand = "a"'],
    ['a file with CRLF line endings', 'model = "o3"\r\n\r\n[mcp_servers.a]\r\ncommand = "a"\r\n\r\n[profiles.x]\r\nmodel = "y"\r\n'],
    ['a server table followed by a comment about the next table', '[mcp_servers.a]\ncommand = "a"\n# next: profiles\n[profiles.x]\nmodel = "y"\n'],
    ['servers in one inline table', 'mcp_servers = { a = { command = "a" } }\nmodel = "o3"\n'],
    ['servers under an explicit [mcp_servers] table', '[mcp_servers]\na = { command = "a", args = [] }\n\n[profiles.x]\nmodel = "y"\n'],
    ['servers as dotted keys', 'mcp_servers.a.command = "a"\nmodel = "o3"\n'],
    ['a server with an array of tables after it', '[mcp_servers.a]\ncommand = "a"\n\n[[mcp_servers.a.hooks]]\nrun = "x"\n\n[profiles.x]\nmodel = "y"\n'],
  ])('register then unregister gives back %s byte for byte', (_name, original) => {
    const added = apply(original, set('weather'));
    expect(parseTomlConfig(added, 'mcp_servers', FILE).servers.weather).toEqual(ENTRY);
    expect(apply(added, remove('weather'))).toBe(original);
  });

  it("adds ours after another server's array of tables, not between that server and its array", () => {
    const after = apply('[mcp_servers.a]\ncommand = "a"\n\n[[mcp_servers.a.hooks]]\nrun = "x"\n\n[profiles.x]\nmodel = "y"\n', set('weather'));
    expect(after.indexOf('[mcp_servers.weather]')).toBeGreaterThan(after.indexOf('run = "x"'));
    expect(after.indexOf('[mcp_servers.weather]')).toBeLessThan(after.indexOf('[profiles.x]'));
  });

  it('keeps CRLF line endings in what it adds', () => {
    const after = apply('model = "o3"\r\n', set('weather'));
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('refreshes an entry of ours in place, keeping what the user added to it', () => {
    const added = apply(LIVED_IN, set('weather'));
    const edited = added.replace('startup_timeout_sec = 30', 'startup_timeout_sec = 30\ntool_timeout_sec = 120 # mine');
    const moved = { ...ENTRY, command: '/Applications/MCP Tray.app/Contents/MacOS/MCP Tray', tool_timeout_sec: 120 };
    const after = apply(edited, { kind: 'set', serverId: 'weather', name: 'weather', value: moved, replaces: true });
    expect(after).toContain('command = "/Applications/MCP Tray.app/Contents/MacOS/MCP Tray"');
    expect(after).toContain('tool_timeout_sec = 120 # mine');
    expect(after.replace('/Applications/MCP Tray.app/Contents/MacOS/MCP Tray', '/opt/MCP Tray/mcp-tray')).toBe(edited);
  });

  it('adds and removes several servers in one change', () => {
    const github = { ...ENTRY, args: [ENTRY.args[0], 'github'] };
    const added = apply(LIVED_IN, set('weather'), set('github', github));
    expect(Object.keys(parseTomlConfig(added, 'mcp_servers', FILE).servers)).toEqual(['context7', 'docs', 'weather', 'github']);
    expect(apply(added, remove('weather'), remove('github'))).toBe(LIVED_IN);
  });
});

describe('reading a Codex config.toml', () => {
  it.each([
    ['a syntax error', 'model = "o3"\napproval_policy = \n', /is not valid TOML: .* at line 2, column \d+\. MCP Tray left the file exactly as it was/],
    ['a duplicate key', 'model = "o3"\nmodel = "o4"\n', /is not valid TOML: a key or table is defined twice at line 2, column 1/],
    ['a duplicate table', '[mcp_servers.a]\ncommand = "a"\n[mcp_servers.a]\ncommand = "b"\n', /a key or table is defined twice at line 3/],
    ['servers that are not a table', 'mcp_servers = "none"\n', /has a "mcp_servers" that is not a table/],
    ['servers as an array of tables', '[[mcp_servers]]\ncommand = "a"\n', /has a "mcp_servers" that is not a table/],
  ])('refuses %s, naming the file', (_name, text, message) => {
    expect(() => parseTomlConfig(text, 'mcp_servers', FILE)).toThrow(message);
    expect(() => apply(text, set('weather'))).toThrow(FILE);
  });

  it('reads the server map, and none from an empty file', () => {
    expect(Object.keys(parseTomlConfig(LIVED_IN, 'mcp_servers', FILE).servers)).toEqual(['context7', 'docs']);
    expect(parseTomlConfig('', 'mcp_servers', FILE)).toEqual({ root: {}, servers: {} });
  });
});
