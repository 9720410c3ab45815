/**
 * The tray icon and its menu. The menu and icon are rebuilt from the manager's state whenever a
 * server's health or the server list changes (debounced), and when the system theme changes.
 */
import { Menu, nativeImage, nativeTheme, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import path from 'node:path';
import type { AppSettings, ServerSummary } from '../shared/contract';
import { debounce } from './debounce';
import { HeldTools, heldToolsLabel } from './held-tools';
import type { Notice } from './registration-notice';
import type { ContractPort } from '../surfaces/contract-port';
import { trayIconFile, trayIconPlatform, panelTheme } from './tray-icons';
import { buildTrayMenuModel, type TrayAction, type TrayMenuEntry } from './tray-menu-model';
import { overallTrayState, trayTooltip, type TrayState } from './tray-state';

const REBUILD_DELAY_MS = 200;

interface TrayControllerOptions {
  manager: ContractPort;
  resourcesDir: string;
  startAtLoginUnavailable: string | undefined;
  onAction: (action: TrayAction) => void;
  /** Windows and Linux: a left click on the icon opens the window (macOS always shows the menu). */
  onIconClick: () => void;
  /** Tells the person something outside the window (tools newly held back). */
  notify: (notice: Notice) => void;
}

export class TrayController {
  private readonly tray: Tray;
  private readonly rebuild = debounce(() => void this.refreshNow(), REBUILD_DELAY_MS);
  private readonly unsubscribes: Array<() => void> = [];
  private servers: ServerSummary[] = [];
  private settings: Pick<AppSettings, 'startAtLogin'> = { startAtLogin: false };
  private registeringClaudeDesktop = false;
  private readonly heldTools = new HeldTools();
  private disposed = false;

  constructor(private readonly options: TrayControllerOptions) {
    this.tray = new Tray(this.iconFor('stopped'));
    this.tray.setToolTip('MCP Tray');
    if (process.platform !== 'darwin') this.tray.on('click', () => options.onIconClick());
    this.render();
    this.unsubscribes.push(
      options.manager.on('server.health', () => this.rebuild.request()),
      options.manager.on('servers.changed', () => this.rebuild.request()),
      options.manager.on('tools.held', (payload) => {
        const name = this.servers.find((server) => server.id === payload.serverId)?.name ?? payload.serverId;
        const notice = this.heldTools.update(payload, name);
        if (notice) options.notify(notice);
        this.rebuild.request();
      }),
    );
    const onThemeChange = () => this.render();
    nativeTheme.on('updated', onThemeChange);
    this.unsubscribes.push(() => nativeTheme.off('updated', onThemeChange));
    void this.refreshNow();
  }

  /** Asks for a rebuild soon (e.g. after settings changed outside the manager's events). */
  refreshSoon(): void {
    this.rebuild.request();
  }

  setRegisteringClaudeDesktop(registering: boolean): void {
    this.registeringClaudeDesktop = registering;
    this.render();
  }

  dispose(): void {
    this.disposed = true;
    this.rebuild.cancel();
    for (const unsubscribe of this.unsubscribes) unsubscribe();
    this.tray.destroy();
  }

  private async refreshNow(): Promise<void> {
    try {
      const [servers, settings] = await Promise.all([
        this.options.manager.call('servers.list', {}),
        this.options.manager.call('settings.get', {}),
      ]);
      this.servers = servers;
      this.settings = settings;
    } catch {
      // Keep showing the last known state; the next event tries again.
    }
    this.render();
  }

  private render(): void {
    if (this.disposed) return;
    const state = overallTrayState(this.servers.map((server) => server.health.state));
    this.tray.setImage(this.iconFor(state));
    const held = this.heldTools.total;
    const tooltip = trayTooltip(this.servers.map((server) => ({ name: server.name, state: server.health.state })));
    this.tray.setToolTip(held > 0 ? `${tooltip}; ${heldToolsLabel(held)}` : tooltip);
    // The badge: macOS shows a title next to the icon; the other desktops have the menu line and tooltip.
    if (process.platform === 'darwin') this.tray.setTitle(held > 0 ? String(held) : '');
    const model = buildTrayMenuModel({
      servers: this.servers,
      settings: this.settings,
      startAtLoginUnavailable: this.options.startAtLoginUnavailable,
      registeringClaudeDesktop: this.registeringClaudeDesktop,
      heldTools: this.heldTools.perServer,
    });
    this.tray.setContextMenu(Menu.buildFromTemplate(model.map((entry) => this.toMenuItem(entry))));
  }

  private toMenuItem(entry: TrayMenuEntry): MenuItemConstructorOptions {
    const { onAction } = this.options;
    switch (entry.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'note':
        return { label: entry.label, enabled: false };
      case 'action':
        return { label: entry.label, enabled: entry.enabled, click: () => onAction(entry.action) };
      case 'checkbox':
        return { type: 'checkbox', label: entry.label, checked: entry.checked, enabled: entry.enabled, click: () => onAction(entry.action) };
      case 'submenu':
        return { label: entry.label, submenu: entry.entries.map((child) => this.toMenuItem(child)) };
    }
  }

  private iconFor(state: TrayState): NativeImage {
    const platform = trayIconPlatform(process.platform);
    const file = trayIconFile(state, platform, panelTheme(process.platform, nativeTheme.shouldUseDarkColors));
    const image = nativeImage.createFromPath(path.join(this.options.resourcesDir, ...file.split('/')));
    if (platform === 'macos') image.setTemplateImage(true);
    return image;
  }
}
