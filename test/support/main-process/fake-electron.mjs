// A stand-in for the parts of Electron's main-process API that src/main uses, for running the real
// main process in plain Node where no Electron binary exists. It records what the app does and
// takes orders from the test over the fork IPC channel (see main-process.test.ts).
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';

const report = (message) => process.send?.(message);
const paths = new Map();
const ipcHandlers = new Map();
const protocolHandlers = new Map();
const windows = [];
let lastTrayMenu = [];
let lastTrayImage = '';
let lastTooltip = '';

class FakeApp extends EventEmitter {
  isPackaged = false;
  ready = false;
  setName(name) {
    this.name = name;
  }
  getName() {
    return this.name ?? 'fake';
  }
  setPath(name, value) {
    paths.set(name, value);
  }
  getPath(name) {
    return paths.get(name) ?? `/nonexistent/${name}`;
  }
  getVersion() {
    return '0.0.0-test';
  }
  getAppPath() {
    return process.env.FAKE_ELECTRON_APP_PATH ?? process.cwd();
  }
  setAppUserModelId() {}
  requestSingleInstanceLock() {
    return true;
  }
  isReady() {
    return this.ready;
  }
  whenReady() {
    this.ready = true;
    return Promise.resolve();
  }
  focus() {}
  setLoginItemSettings(settings) {
    report({ type: 'login-item', settings });
  }
  getLoginItemSettings() {
    return { openAtLogin: false, wasOpenedAtLogin: false };
  }
  quit() {
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    for (const window of [...windows]) window.close();
    report({ type: 'exiting', code: 0 });
    setImmediate(() => process.exit(0));
  }
  exit(code = 0) {
    report({ type: 'exiting', code });
    setImmediate(() => process.exit(code));
  }
}
export const app = new FakeApp();

class FakeWebContents extends EventEmitter {
  url = '';
  destroyed = false;
  sent = [];
  isDestroyed() {
    return this.destroyed;
  }
  getURL() {
    return this.url;
  }
  send(channel, payload) {
    this.sent.push(channel);
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return windows.filter((window) => !window.destroyed);
  }
  constructor(options) {
    super();
    this.options = options;
    this.visible = false;
    this.destroyed = false;
    this.webContents = new FakeWebContents();
    windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url) {
    this.webContents.url = url;
    report({ type: 'window-loaded', url, webPreferences: this.options.webPreferences });
    setImmediate(() => this.emit('ready-to-show'));
  }
  removeMenu() {}
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  isVisible() {
    return this.visible;
  }
  show() {
    this.visible = true;
    report({ type: 'window-shown' });
  }
  hide() {
    this.visible = false;
  }
  focus() {}
  close() {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

export class Tray extends EventEmitter {
  constructor(image) {
    super();
    this.setImage(image);
  }
  setImage(image) {
    lastTrayImage = image.path;
  }
  setToolTip(text) {
    lastTooltip = text;
  }
  setContextMenu(menu) {
    lastTrayMenu = menu.template;
  }
  destroy() {}
}

export const Menu = { buildFromTemplate: (template) => ({ template }) };

export const nativeImage = {
  createFromPath: (path) => ({ path, isEmpty: () => !existsSync(path), setTemplateImage() {} }),
};

export const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false });

export const protocol = { registerSchemesAsPrivileged: (schemes) => report({ type: 'schemes', schemes }) };

export const session = {
  defaultSession: {
    protocol: { handle: (scheme, handler) => protocolHandlers.set(scheme, handler) },
    setPermissionRequestHandler(handler) {
      this.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler) {
      this.permissionCheckHandler = handler;
    },
    setDevicePermissionHandler() {},
    webRequest: {
      onBeforeRequest(handler) {
        session.defaultSession.beforeRequest = handler;
      },
      onHeadersReceived() {},
    },
  },
};

export const ipcMain = Object.assign(new EventEmitter(), {
  handle: (channel, handler) => ipcHandlers.set(channel, handler),
  removeHandler: (channel) => ipcHandlers.delete(channel),
});

export const dialog = {
  showErrorBox: (title, body) => report({ type: 'error-box', title, body }),
  showMessageBox: async (options) => {
    report({ type: 'message-box', options });
    return { response: 0 };
  },
};

export class Notification {
  static isSupported() {
    return true;
  }
  constructor(options) {
    this.options = options;
  }
  show() {
    report({ type: 'notification', title: this.options.title, body: this.options.body });
  }
}

export const shell = { openExternal: async (url) => report({ type: 'open-external', url }) };

function labels(template) {
  return template.map((item) => ({
    label: item.label ?? `(${item.type})`,
    enabled: item.enabled !== false,
    checked: item.checked,
    submenu: item.submenu ? labels(item.submenu) : undefined,
  }));
}

function clickTrayItem(path) {
  let items = lastTrayMenu;
  let item;
  for (const label of path) {
    item = items.find((candidate) => candidate.label === label);
    items = item?.submenu ?? [];
  }
  item?.click?.();
  return Boolean(item?.click);
}

async function handleOrder(order) {
  switch (order.type) {
    case 'invoke': {
      const handler = ipcHandlers.get(order.channel);
      if (!handler) return { missing: order.channel };
      return handler({ senderFrame: { url: order.frameUrl, parent: null } }, order.input);
    }
    case 'fetch': {
      const response = await protocolHandlers.get('mcp-tray')(new Request(order.url, { method: order.method ?? 'GET' }));
      return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
    }
    case 'request-allowed':
      return new Promise((resolve) => session.defaultSession.beforeRequest({ url: order.url }, ({ cancel }) => resolve(!cancel)));
    case 'permission':
      return session.defaultSession.permissionCheckHandler(null, order.permission, order.origin, {});
    case 'tray':
      return { menu: labels(lastTrayMenu), image: lastTrayImage, imageExists: existsSync(lastTrayImage), tooltip: lastTooltip };
    case 'click-tray':
      return clickTrayItem(order.path);
    case 'windows':
      return BrowserWindow.getAllWindows().map((window) => ({ visible: window.visible, url: window.webContents.url, sent: window.webContents.sent.length }));
    case 'close-window':
      BrowserWindow.getAllWindows()[0]?.close();
      return true;
    case 'window-open':
      return BrowserWindow.getAllWindows()[0]?.webContents.windowOpenHandler({ url: order.url });
    case 'navigate': {
      let prevented = false;
      BrowserWindow.getAllWindows()[0]?.webContents.emit('will-navigate', { url: order.url, preventDefault: () => (prevented = true) });
      return { prevented };
    }
    case 'quit':
      app.quit();
      return true;
    default:
      throw new Error(`unknown order ${order.type}`);
  }
}

process.on('message', (order) => {
  handleOrder(order).then(
    (result) => report({ type: 'answer', id: order.id, result }),
    (error) => report({ type: 'answer', id: order.id, error: String(error?.stack ?? error) }),
  );
});

export default { app, BrowserWindow, Tray, Menu, nativeImage, nativeTheme, protocol, session, ipcMain, dialog, Notification, shell };
