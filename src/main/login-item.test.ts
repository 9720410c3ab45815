import { describe, expect, it } from 'vitest';
import { autostartDesktopEntry, loginItemPlan, loginItemUnavailableReason, quoteDesktopExecArgument, xdgConfigHome, type LoginItemInput } from './login-item';

const packaged: Omit<LoginItemInput, 'platform' | 'enabled'> = {
  isPackaged: true,
  execPath: '/opt/MCP Tray/mcp-tray',
  appImagePath: undefined,
  configHome: '/home/me/.config',
};

describe('loginItemPlan', () => {
  it('uses the OS login item on macOS and Windows, starting hidden', () => {
    expect(loginItemPlan({ ...packaged, platform: 'darwin', enabled: true })).toEqual({ kind: 'login-item', openAtLogin: true, args: ['--hidden'] });
    expect(loginItemPlan({ ...packaged, platform: 'win32', enabled: false })).toEqual({ kind: 'login-item', openAtLogin: false, args: [] });
  });

  it('writes or removes an XDG autostart entry on Linux', () => {
    const on = loginItemPlan({ ...packaged, platform: 'linux', enabled: true });
    expect(on).toMatchObject({ kind: 'xdg-autostart', filePath: '/home/me/.config/autostart/mcp-tray.desktop' });
    expect(on.kind === 'xdg-autostart' ? on.content : '').toContain('Exec="/opt/MCP Tray/mcp-tray" --hidden');
    expect(loginItemPlan({ ...packaged, platform: 'linux', enabled: false })).toEqual({
      kind: 'xdg-autostart',
      filePath: '/home/me/.config/autostart/mcp-tray.desktop',
      content: undefined,
    });
  });

  it('starts the AppImage file itself, not the temporary mount it runs from', () => {
    const plan = loginItemPlan({ ...packaged, platform: 'linux', enabled: true, execPath: '/tmp/.mount_MCPabc/mcp-tray', appImagePath: '/home/me/Apps/MCP-Tray.AppImage' });
    expect(plan.kind === 'xdg-autostart' ? plan.content : '').toContain('Exec="/home/me/Apps/MCP-Tray.AppImage" --hidden');
  });

  it('is unavailable in a development build, which would register the bare Electron binary', () => {
    expect(loginItemPlan({ ...packaged, isPackaged: false, platform: 'darwin', enabled: true })).toEqual({ kind: 'unavailable', reason: 'installed app only' });
    expect(loginItemUnavailableReason({ isPackaged: false })).toBe('installed app only');
    expect(loginItemUnavailableReason({ isPackaged: true })).toBeUndefined();
  });
});

describe('quoteDesktopExecArgument', () => {
  it('quotes and escapes as the Desktop Entry spec asks, including its double backslash rule', () => {
    expect(quoteDesktopExecArgument('/opt/app')).toBe('"/opt/app"');
    expect(quoteDesktopExecArgument('/opt/My "App"')).toBe('"/opt/My \\\\"App\\\\""');
    expect(quoteDesktopExecArgument('/home/$USER/100%')).toBe('"/home/\\\\$USER/100%%"');
    expect(quoteDesktopExecArgument('/a\\b')).toBe('"/a\\\\\\\\b"');
  });
});

describe('autostartDesktopEntry', () => {
  it('is a complete, valid entry', () => {
    const entry = autostartDesktopEntry('/opt/MCP Tray/mcp-tray');
    expect(entry.split('\n')[0]).toBe('[Desktop Entry]');
    expect(entry).toContain('Type=Application\n');
    expect(entry).toContain('Name=MCP Tray\n');
    expect(entry.endsWith('\n')).toBe(true);
  });
});

describe('xdgConfigHome', () => {
  it('uses an absolute XDG_CONFIG_HOME and ignores a relative or blank one', () => {
    expect(xdgConfigHome({ XDG_CONFIG_HOME: '/xdg' }, '/home/me')).toBe('/xdg');
    expect(xdgConfigHome({ XDG_CONFIG_HOME: 'relative' }, '/home/me')).toBe('/home/me/.config');
    expect(xdgConfigHome({ XDG_CONFIG_HOME: ' ' }, '/home/me')).toBe('/home/me/.config');
    expect(xdgConfigHome({}, '/home/me')).toBe('/home/me/.config');
  });
});
