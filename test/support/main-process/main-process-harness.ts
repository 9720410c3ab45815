/**
 * Runs the real Electron main process (src/main/index.ts, through tsx) in plain Node with
 * fake-electron.mjs standing in for Electron, in a temporary app folder and data folder, and talks
 * to the fake over the fork IPC channel. Lets the app's wiring be tested where no Electron binary exists.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const projectRoot = path.resolve(import.meta.dirname, '../../..');
const hooksPath = path.join(import.meta.dirname, 'fake-electron-hooks.mjs');
const mainEntry = path.join(projectRoot, 'src/main/index.ts');

export const FIXTURE_PAGE = '<!doctype html><html><head><script type="module" src="./assets/app.js"></script></head><body><div id="root"></div></body></html>';

interface FakeElectronMessage {
  type: string;
  [key: string]: unknown;
}

/** A folder laid out like the app's: the fixture UI, and the real built servers and icons. */
async function createAppFolder(root: string): Promise<string> {
  const appDir = path.join(root, 'app');
  await mkdir(path.join(appDir, 'out', 'renderer', 'assets'), { recursive: true });
  await writeFile(path.join(appDir, 'out', 'renderer', 'index.html'), FIXTURE_PAGE);
  await writeFile(path.join(appDir, 'out', 'renderer', 'assets', 'app.js'), 'export {};\n');
  // Junctions need no special rights on Windows; elsewhere the type is ignored.
  await symlink(path.join(projectRoot, 'out', 'servers'), path.join(appDir, 'out', 'servers'), 'junction');
  await symlink(path.join(projectRoot, 'resources'), path.join(appDir, 'resources'), 'junction');
  return appDir;
}

export class MainProcessUnderTest {
  readonly messages: FakeElectronMessage[] = [];
  readonly exited: Promise<number | null>;
  private output = '';
  private nextOrderId = 1;

  private constructor(
    readonly child: ChildProcess,
    readonly root: string,
    readonly dataDir: string,
    readonly home: string,
  ) {
    child.on('message', (message: FakeElectronMessage) => this.messages.push(message));
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** `dataDir` lets two processes share one data folder. */
  static async start(options: { dataDir?: string } = {}): Promise<MainProcessUnderTest> {
    const root = await mkdtemp(path.join(os.tmpdir(), 'mcp-tray-main-'));
    const appDir = await createAppFolder(root);
    const home = path.join(root, 'home');
    const dataDir = options.dataDir ?? path.join(root, 'data');
    await mkdir(home, { recursive: true });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, '.config'),
      APPDATA: path.join(home, 'AppData', 'Roaming'),
      MCP_TRAY_HOME: dataDir,
      FAKE_ELECTRON_APP_PATH: appDir,
    };
    delete env.ELECTRON_RENDERER_URL;
    delete env.ELECTRON_RUN_AS_NODE;
    delete env.NODE_OPTIONS;
    const child = fork(mainEntry, [], {
      cwd: projectRoot,
      env,
      execArgv: ['--import', 'tsx', '--import', hooksPath],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    return new MainProcessUnderTest(child, root, dataDir, home);
  }

  /** What the process printed, for failure messages. */
  get log(): string {
    return this.output;
  }

  async waitForMessage(type: string, timeoutMs = 20_000): Promise<FakeElectronMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find((message) => message.type === type);
      if (found) return found;
      if (Date.now() > deadline || this.child.exitCode !== null) throw new Error(`No "${type}" message from the main process. Its output:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Sends an order to fake-electron.mjs and resolves with its answer. */
  order<T = unknown>(type: string, fields: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextOrderId++;
    return new Promise((resolve, reject) => {
      const onMessage = (message: FakeElectronMessage) => {
        if (message.type !== 'answer' || message.id !== id) return;
        this.child.off('message', onMessage);
        if (typeof message.error === 'string') reject(new Error(message.error));
        else resolve(message.result as T);
      };
      this.child.on('message', onMessage);
      this.child.send({ ...fields, type, id });
    });
  }

  /** Calls a contract method as the window's page would (or as another page, with `frameUrl`). */
  invoke<T = unknown>(method: string, input: unknown, frameUrl = 'mcp-tray://app/index.html'): Promise<T> {
    return this.order<T>('invoke', { channel: `mcp-tray:call:${method}`, input, frameUrl });
  }

  async dispose(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
    await rm(this.root, { recursive: true, force: true });
  }
}
