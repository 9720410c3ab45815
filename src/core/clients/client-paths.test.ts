import { describe, expect, it } from 'vitest';
import { ALL_CLIENTS, clientById } from './all-clients';
import { findClaudeCodeCli } from './claude-code';
import type { ClientContext } from './client-context';
import { ClientIdSchema } from '../../shared/contract';

/** A machine that exists only in the test: the given paths exist, the given folders hold the given names. */
function fakeMachine(
  platform: NodeJS.Platform,
  homeDir: string,
  options: { env?: Record<string, string>; existing?: string[]; folders?: Record<string, string[]> } = {},
): ClientContext {
  const existing = new Set(options.existing ?? []);
  return {
    platform,
    homeDir,
    env: options.env ?? {},
    exists: (target) => existing.has(target),
    listDir: (dir) => options.folders?.[dir] ?? [],
  };
}

const mac = fakeMachine('darwin', '/Users/ada');
const linux = fakeMachine('linux', '/home/ada');
const windows = fakeMachine('win32', 'C:\\Users\\Ada', { env: { APPDATA: 'C:\\Users\\Ada\\AppData\\Roaming', LOCALAPPDATA: 'C:\\Users\\Ada\\AppData\\Local' } });

describe('client config paths', () => {
  it('has a module for every client id in the contract', () => {
    expect(ALL_CLIENTS.map((client) => client.id).sort()).toEqual([...ClientIdSchema.options].sort());
  });

  it.each([
    ['claude-desktop', mac, '/Users/ada/Library/Application Support/Claude/claude_desktop_config.json'],
    ['claude-desktop', linux, '/home/ada/.config/Claude/claude_desktop_config.json'],
    ['claude-desktop', windows, 'C:\\Users\\Ada\\AppData\\Roaming\\Claude\\claude_desktop_config.json'],
    ['cursor', mac, '/Users/ada/.cursor/mcp.json'],
    ['cursor', linux, '/home/ada/.cursor/mcp.json'],
    ['cursor', windows, 'C:\\Users\\Ada\\.cursor\\mcp.json'],
    ['vscode', mac, '/Users/ada/Library/Application Support/Code/User/mcp.json'],
    ['vscode', linux, '/home/ada/.config/Code/User/mcp.json'],
    ['vscode', windows, 'C:\\Users\\Ada\\AppData\\Roaming\\Code\\User\\mcp.json'],
    ['windsurf', mac, '/Users/ada/.codeium/windsurf/mcp_config.json'],
    ['windsurf', linux, '/home/ada/.codeium/windsurf/mcp_config.json'],
    ['windsurf', windows, 'C:\\Users\\Ada\\.codeium\\windsurf\\mcp_config.json'],
    ['claude-code', mac, '/Users/ada/.claude.json'],
    ['claude-code', linux, '/home/ada/.claude.json'],
    ['claude-code', windows, 'C:\\Users\\Ada\\.claude.json'],
    ['copilot', mac, '/Users/ada/.copilot/mcp-config.json'],
    ['copilot', linux, '/home/ada/.copilot/mcp-config.json'],
    ['copilot', windows, 'C:\\Users\\Ada\\.copilot\\mcp-config.json'],
    ['codex', mac, '/Users/ada/.codex/config.toml'],
    ['codex', linux, '/home/ada/.codex/config.toml'],
    ['codex', windows, 'C:\\Users\\Ada\\.codex\\config.toml'],
    ['gemini-cli', mac, '/Users/ada/.gemini/settings.json'],
    ['gemini-cli', linux, '/home/ada/.gemini/settings.json'],
    ['gemini-cli', windows, 'C:\\Users\\Ada\\.gemini\\settings.json'],
    ['zed', mac, '/Users/ada/.config/zed/settings.json'],
    ['zed', linux, '/home/ada/.config/zed/settings.json'],
    ['zed', windows, 'C:\\Users\\Ada\\AppData\\Roaming\\Zed\\settings.json'],
    ['lm-studio', mac, '/Users/ada/.lmstudio/mcp.json'],
    ['lm-studio', linux, '/home/ada/.lmstudio/mcp.json'],
    ['lm-studio', windows, 'C:\\Users\\Ada\\.lmstudio\\mcp.json'],
  ] as const)('%s on %s', (id, context, expected) => {
    expect(clientById(id).configPath(context)).toBe(expected);
  });

  it('uses the Microsoft Store (MSIX) copy of Claude Desktop when that package is installed', () => {
    const packages = 'C:\\Users\\Ada\\AppData\\Local\\Packages';
    const context = fakeMachine('win32', 'C:\\Users\\Ada', {
      env: { APPDATA: 'C:\\Users\\Ada\\AppData\\Roaming', LOCALAPPDATA: 'C:\\Users\\Ada\\AppData\\Local' },
      folders: { [packages]: ['Microsoft.WindowsTerminal_8wekyb3d8bbwe', 'Claude_pzs8sxrjxfjjc'] },
    });
    expect(clientById('claude-desktop').configPath(context)).toBe(
      'C:\\Users\\Ada\\AppData\\Local\\Packages\\Claude_pzs8sxrjxfjjc\\LocalCache\\Roaming\\Claude\\claude_desktop_config.json',
    );
  });

  it('falls back to the home folder on Windows when APPDATA and LOCALAPPDATA are missing', () => {
    const bare = fakeMachine('win32', 'C:\\Users\\Ada');
    expect(clientById('claude-desktop').configPath(bare)).toBe('C:\\Users\\Ada\\AppData\\Roaming\\Claude\\claude_desktop_config.json');
  });

  it('follows an absolute XDG_CONFIG_HOME on Linux and ignores a relative one', () => {
    const xdg = fakeMachine('linux', '/home/ada', { env: { XDG_CONFIG_HOME: '/data/config' } });
    expect(clientById('claude-desktop').configPath(xdg)).toBe('/data/config/Claude/claude_desktop_config.json');
    expect(clientById('vscode').configPath(xdg)).toBe('/data/config/Code/User/mcp.json');
    const relative = fakeMachine('linux', '/home/ada', { env: { XDG_CONFIG_HOME: 'config' } });
    expect(clientById('vscode').configPath(relative)).toBe('/home/ada/.config/Code/User/mcp.json');
  });

  it('follows an absolute COPILOT_HOME and CODEX_HOME, and XDG_CONFIG_HOME for Zed on Linux', () => {
    const custom = fakeMachine('linux', '/home/ada', { env: { COPILOT_HOME: '/data/copilot', CODEX_HOME: '/data/codex', XDG_CONFIG_HOME: '/data/config' } });
    expect(clientById('copilot').configPath(custom)).toBe('/data/copilot/mcp-config.json');
    expect(clientById('codex').configPath(custom)).toBe('/data/codex/config.toml');
    expect(clientById('zed').configPath(custom)).toBe('/data/config/zed/settings.json');
    const relative = fakeMachine('linux', '/home/ada', { env: { COPILOT_HOME: 'copilot', CODEX_HOME: ' ' } });
    expect(clientById('copilot').configPath(relative)).toBe('/home/ada/.copilot/mcp-config.json');
    expect(clientById('codex').configPath(relative)).toBe('/home/ada/.codex/config.toml');
  });

  it("uses LM Studio's older home in ~/.cache/lm-studio when only that one exists", () => {
    const legacy = fakeMachine('darwin', '/Users/ada', { existing: ['/Users/ada/.cache/lm-studio'] });
    expect(clientById('lm-studio').configPath(legacy)).toBe('/Users/ada/.cache/lm-studio/mcp.json');
    expect(clientById('lm-studio').isDetected(legacy)).toBe(true);
    const both = fakeMachine('darwin', '/Users/ada', { existing: ['/Users/ada/.cache/lm-studio', '/Users/ada/.lmstudio'] });
    expect(clientById('lm-studio').configPath(both)).toBe('/Users/ada/.lmstudio/mcp.json');
  });

  it("follows CLAUDE_CONFIG_DIR for Claude Code's file", () => {
    const custom = fakeMachine('linux', '/home/ada', { env: { CLAUDE_CONFIG_DIR: '/home/ada/.config/claude' } });
    expect(clientById('claude-code').configPath(custom)).toBe('/home/ada/.config/claude/.claude.json');
  });
});

describe('client detection', () => {
  it("detects a client by its config folder", () => {
    const context = fakeMachine('darwin', '/Users/ada', { existing: ['/Users/ada/Library/Application Support/Claude', '/Users/ada/.cursor'] });
    expect(clientById('claude-desktop').isDetected(context)).toBe(true);
    expect(clientById('cursor').isDetected(context)).toBe(true);
    expect(clientById('vscode').isDetected(context)).toBe(false);
    expect(clientById('windsurf').isDetected(context)).toBe(false);
    expect(clientById('claude-code').isDetected(context)).toBe(false);
    for (const id of ['copilot', 'codex', 'gemini-cli', 'zed', 'lm-studio'] as const) expect(clientById(id).isDetected(context), id).toBe(false);
  });

  it('detects Claude Code by its CLI on PATH or in its own install folder', () => {
    const onPath = fakeMachine('linux', '/home/ada', { env: { PATH: '/usr/bin:/opt/tools/bin' }, existing: ['/opt/tools/bin/claude'] });
    expect(findClaudeCodeCli(onPath)).toBe('/opt/tools/bin/claude');
    expect(clientById('claude-code').isDetected(onPath)).toBe(true);
    const local = fakeMachine('darwin', '/Users/ada', { env: { PATH: '/usr/bin' }, existing: ['/Users/ada/.claude/local/claude'] });
    expect(findClaudeCodeCli(local)).toBe('/Users/ada/.claude/local/claude');
  });

  it('uses only claude.exe on Windows (a .cmd shim would need cmd.exe quoting of JSON)', () => {
    const context = fakeMachine('win32', 'C:\\Users\\Ada', {
      env: { PATH: 'C:\\npm;C:\\tools' },
      existing: ['C:\\npm\\claude.cmd', 'C:\\tools\\claude.exe'],
    });
    expect(findClaudeCodeCli(context)).toBe('C:\\tools\\claude.exe');
  });

  it('detects Codex, Gemini CLI, Zed and Copilot by their CLI on PATH', () => {
    const context = fakeMachine('linux', '/home/ada', {
      env: { PATH: '/usr/local/bin' },
      existing: ['/usr/local/bin/codex', '/usr/local/bin/gemini', '/usr/local/bin/zeditor', '/usr/local/bin/copilot'],
    });
    for (const id of ['codex', 'gemini-cli', 'zed', 'copilot'] as const) expect(clientById(id).isDetected(context), id).toBe(true);
    const windows = fakeMachine('win32', 'C:\\Users\\Ada', { env: { PATH: 'C:\\npm' }, existing: ['C:\\npm\\codex.cmd'] });
    expect(clientById('codex').isDetected(windows)).toBe(true);
  });

  it("counts the portable Copilot file's client as installed when VS Code is, since VS Code reads that file", () => {
    const context = fakeMachine('linux', '/home/ada', { existing: ['/home/ada/.config/Code/User'] });
    expect(clientById('copilot').isDetected(context)).toBe(true);
    expect(clientById('codex').isDetected(context)).toBe(false);
  });

  it('only Claude Desktop may be created before the client is installed', () => {
    expect(ALL_CLIENTS.filter((client) => client.createWhenUndetected).map((client) => client.id)).toEqual(['claude-desktop']);
  });
});
