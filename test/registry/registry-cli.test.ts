import { spawn, spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_NAMES, startFakeRegistry, type FakeRegistry } from '../fixtures/fake-registry';
import { writeStandInRuntimes, type StandInRuntimes } from '../fixtures/registry-runtimes';
import { waitFor } from '../support/chaos';
import { cliPath, createCliSandbox, describeRun, jsonOf, type CliResult, type CliSandbox } from '../host/cli-harness';

const SECRET = 'cli-fixture-secret-4b1d';
const hasScript = process.platform === 'linux' && spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
const NO_SCRIPT_REASON = 'needs util-linux "script" to give the CLI a terminal (apt-get install bsdutils)';
if (!hasScript) console.warn(`[registry-cli] terminal prompt test skipped: ${NO_SCRIPT_REASON}.`);

/** `registry add` on a pseudo-terminal (util-linux script): answers the hidden prompt with `keys` and returns all the terminal showed. */
async function addOnTerminal(sandbox: CliSandbox, name: string, keys: string): Promise<CliResult> {
  const command = [process.execPath, cliPath, 'registry', 'add', name].map((word) => `'${word}'`).join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], { env: sandbox.env, stdio: ['pipe', 'pipe', 'pipe'] });
  let shown = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (shown += chunk));
  const exited = new Promise<CliResult>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout: shown, stderr: '' })));
  await waitFor('the hidden prompt', () => shown.includes('typing is hidden'), 20_000);
  child.stdin.write(keys);
  const result = await exited;
  child.stdin.destroy();
  return result;
}

describe('mcp-tray registry', { timeout: 60_000 }, () => {
  let sandbox: CliSandbox;
  let registry: FakeRegistry;
  let runtimes: StandInRuntimes;

  beforeAll(async () => {
    sandbox = await createCliSandbox('cli-registry');
    registry = await startFakeRegistry();
    runtimes = await writeStandInRuntimes(path.join(sandbox.home, 'bin'));
    sandbox.env.PATH = `${runtimes.dir}${path.delimiter}${sandbox.env.PATH}`;
    sandbox.env.MCP_TRAY_REGISTRY_URL = registry.url;
  }, 60_000);

  afterAll(async () => {
    await registry?.close();
    await sandbox?.remove();
  });

  it('searches page by page and says how to get the next page', async () => {
    const first = await sandbox.run(['registry', 'search', 'fixture']);
    expect(first.code, describeRun(first)).toBe(0);
    expect(first.stdout).toMatch(/^NAME\s+VERSION\s+TYPE\s+INSTALLABLE\s+DESCRIPTION/);
    expect(first.stdout).toContain(FIXTURE_NAMES.npm);
    const cursor = /--cursor (\S+)/.exec(first.stdout)?.[1];
    expect(cursor).toBeTruthy();
    const second = await sandbox.run(['registry', 'search', 'fixture', '--cursor', cursor ?? '', '--json']);
    const page = jsonOf<{ results: Array<{ name: string }> }>(second);
    expect(page.results.map((result) => result.name)).not.toContain(FIXTURE_NAMES.npm);
  });

  it('shows the publisher, what the package runs and whether its file is checked', async () => {
    const shown = await sandbox.run(['registry', 'show', FIXTURE_NAMES.npm]);
    expect(shown.code, describeRun(shown)).toBe(0);
    expect(shown.stdout).toContain('Publisher: io.github.fixture. Installing runs code published under "io.github.fixture"');
    expect(shown.stdout).toContain('runs: npx -y -- @fixture/weather-mcp@1.0.0 --units celsius');
    expect(shown.stdout).toContain('FIXTURE_API_KEY (secret, kept in the keychain, required): Your fixture API key');
    expect(shown.stdout).toContain('file unverified');
    const remote = await sandbox.run(['registry', 'show', FIXTURE_NAMES.remote]);
    expect(remote.stdout).toContain('Remote (streamable-http): https://mcp.fixture.example/mcp');
  });

  it('adds a package with its secret read from stdin, into the keychain and nowhere else', async () => {
    const added = await sandbox.run(['registry', 'add', FIXTURE_NAMES.npm, '--env', 'FIXTURE_REGION=us'], { input: `${SECRET}\n` });
    expect(added.code, describeRun(added)).toBe(0);
    expect(added.stdout).toContain('Added "weather-npm" (npx -y -- @fixture/weather-mcp@1.0.0 --units celsius).');
    expect(`${added.stdout}${added.stderr}`).not.toContain(SECRET);
    const secrets = jsonOf<{ secrets: unknown[] }>(await sandbox.run(['secrets', 'list', 'weather-npm', '--json']));
    expect(secrets.secrets).toEqual([{ serverId: 'weather-npm', name: 'FIXTURE_API_KEY', isSet: true }]);
    const tools = await sandbox.run(['tools', 'weather-npm', '--json']);
    expect(tools.code, describeRun(tools)).toBe(0);
    expect(tools.stdout).toContain('get_weather');
    expect((await runtimes.runs()).some((run) => run.runtime === 'npx' && run.args.includes('@fixture/weather-mcp@1.0.0'))).toBe(true);
    const files = (await readdir(sandbox.dataDir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    for (const file of files) expect(await readFile(path.join(file.parentPath, file.name), 'utf8')).not.toContain(SECRET);
  });

  it.skipIf(!hasScript)(`asks for a secret at a terminal without echoing it${hasScript ? '' : ` (skipped: ${NO_SCRIPT_REASON})`}`, async () => {
    const typed = `${SECRET}-typed`;
    const result = await addOnTerminal(sandbox, FIXTURE_NAMES.oci, `${typed}\r`);
    expect(result.code, describeRun(result)).toBe(0);
    expect(result.stdout).toContain('Value for FIXTURE_API_KEY (typing is hidden, Enter to save): ');
    expect(result.stdout).toContain('Added "weather-oci" (docker run -i --rm -e FIXTURE_API_KEY -e FIXTURE_REGION docker.io/fixture/weather-mcp:1.2.0).');
    expect(result.stdout).not.toContain(typed);
    const secrets = jsonOf<{ secrets: unknown[] }>(await sandbox.run(['secrets', 'list', 'weather-oci', '--json']));
    expect(secrets.secrets).toEqual([{ serverId: 'weather-oci', name: 'FIXTURE_API_KEY', isSet: true }]);
  });

  it('refuses, before asking for anything, a package whose runtime cannot install it', async () => {
    const refused = await sandbox.run(['registry', 'add', FIXTURE_NAMES.mcpb]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('cannot install mcpb packages yet');
  });

  it('answers from the cache, saying how old it is, when the registry cannot be reached', async () => {
    registry.setUnreachable(true);
    const offline = await sandbox.run(['registry', 'search', 'weather-npm']);
    expect(offline.code, describeRun(offline)).toBe(0);
    expect(offline.stderr).toMatch(/could not be reached.*Showing cached entries fetched \d+s ago/);
    expect(offline.stdout).toContain(FIXTURE_NAMES.npm);
    registry.setUnreachable(false);
  });
});
