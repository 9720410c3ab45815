import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/mcp-child';
import { connectRemote, originOf } from './fixtures/remote-client';
import { startFakeOpenMeteo, type FakeOpenMeteo } from './fixtures/weather-fake-open-meteo';

const KEY = 'deploy-key-61e0c7a9b2f84d35';
const dockerfile = readFileSync(join(projectRoot, 'deploy/Dockerfile'), 'utf8');

interface FinalStage {
  workdir: string;
  copies: Array<{ from: 'context' | 'build'; source: string; destination: string }>;
  healthcheck: string[];
  command: string[];
}

/** Reads what the Dockerfile's last stage holds: its COPY lines (build-stage paths are the repository's, under /src), HEALTHCHECK and CMD. */
function finalStage(): FinalStage {
  const lines = dockerfile.replace(/\\\n\s*/g, ' ').split('\n').map((line) => line.trim());
  const start = lines.map((line, index) => (line.startsWith('FROM ') ? index : -1)).filter((index) => index >= 0).at(-1)!;
  const stage: FinalStage = { workdir: '/', copies: [], healthcheck: [], command: [] };
  for (const line of lines.slice(start)) {
    const [instruction, ...rest] = line.split(/\s+/);
    if (instruction === 'WORKDIR') stage.workdir = rest[0]!;
    if (instruction === 'COPY') {
      const fromBuild = rest[0]?.startsWith('--from=');
      const [source, destination] = fromBuild ? rest.slice(1) : rest;
      stage.copies.push({ from: fromBuild ? 'build' : 'context', source: fromBuild ? source!.replace(/^\/src\//, '') : source!, destination: destination! });
    }
    if (instruction === 'HEALTHCHECK') stage.healthcheck = JSON.parse(line.slice(line.indexOf('CMD ') + 4)) as string[];
    if (instruction === 'CMD') stage.command = JSON.parse(rest.join(' ')) as string[];
  }
  return stage;
}

let openMeteo: FakeOpenMeteo;
let folder: string;
const children: Array<ReturnType<typeof spawn>> = [];

beforeAll(async () => {
  openMeteo = await startFakeOpenMeteo();
  const stage = finalStage();
  folder = mkdtempSync(join(tmpdir(), 'deploy-image-'));
  for (const copy of stage.copies) {
    const target = join(folder, posix.resolve(stage.workdir, copy.destination).slice(stage.workdir.length));
    mkdirSync(dirname(target), { recursive: true });
    cpSync(join(projectRoot, copy.source), target, { recursive: true });
  }
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await openMeteo?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Runs a server the way the image does: plain node, in the app folder, with nothing else there. */
async function runFromImageFolder(script: string, env: Record<string, string>): Promise<{ url: string; port: string }> {
  const child = spawn(process.execPath, [script, '--http'], {
    cwd: folder,
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', MCP_AUTH_TOKENS: `ops:${KEY}`, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      const match = /"url":"(http:\/\/127\.0\.0\.1:(\d+)\/mcp)"/.exec(stderr);
      if (match) resolve({ url: match[1]!, port: match[2]! });
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${stderr}`)));
  });
}

describe('the container image', { timeout: 60_000 }, () => {
  it('holds only the two server bundles and a package.json, run as a non-root user', () => {
    const files = readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1));
    const chunks = files.filter((file) => file.startsWith('servers/chunks/'));
    expect(files.filter((file) => !chunks.includes(file)).sort()).toEqual(['package.json', 'servers/github.js', 'servers/weather.js']);
    expect(chunks.filter((file) => file.endsWith('.js')).length).toBeGreaterThan(0);
    expect(chunks.every((file) => /^servers\/chunks\/[\w-]+\.js(\.map)?$/.test(file)), chunks.join(', ')).toBe(true);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:\d+\.\d+\.\d+-/m);
  });

  it('runs its default command with plain node: /health, the HEALTHCHECK and an MCP call answer', async () => {
    const stage = finalStage();
    expect(stage.command).toEqual(['servers/weather.js', '--http']);
    const { url, port } = await runFromImageFolder(stage.command[0]!, { WEATHER_API_URL: openMeteo.url, GEOCODING_API_URL: openMeteo.url });
    expect((await fetch(`${originOf(url)}/health`)).status).toBe(200);

    const [command, ...args] = stage.healthcheck;
    expect(command).toBe('node');
    const healthcheck = spawn(process.execPath, args, { cwd: folder, env: { PATH: process.env.PATH ?? '', PORT: port }, stdio: 'ignore' });
    expect(await new Promise((resolve) => healthcheck.once('exit', resolve))).toBe(0);

    const client = await connectRemote(url, KEY);
    try {
      expect((await client.call('get_weather', { location: '52.52,13.41' })).isError ?? false).toBe(false);
    } finally {
      await client.close();
    }
  });

  it('runs the GitHub server from the same image when the command names it', async () => {
    const { url } = await runFromImageFolder('servers/github.js', { GITHUB_API_URL: openMeteo.url });
    const client = await connectRemote(url, KEY);
    try {
      expect(await client.listToolNames()).toContain('get_me');
    } finally {
      await client.close();
    }
  });

  it('hands GITHUB_TOKEN to the GitHub replicas only in compose.yaml', () => {
    const compose = readFileSync(join(projectRoot, 'deploy/compose.yaml'), 'utf8').replace(/^\s*#.*$/gm, '');
    const [shared = '', services = ''] = compose.split(/^services:$/m);
    const blocks = Object.fromEntries([...services.matchAll(/^ {2}([\w-]+):\n((?: {4}.*\n|\s*\n)*)/gm)].map((match) => [match[1]!, match[2]!]));
    // An env_file would hand every variable of .env, the token included, to every service that names it.
    expect(compose).not.toMatch(/env_file/);
    expect(shared).not.toContain('GITHUB_TOKEN');
    expect(blocks.weather).toBeDefined();
    expect(blocks.weather).not.toContain('GITHUB_TOKEN');
    expect(blocks.github).toMatch(/GITHUB_TOKEN: \$\{GITHUB_TOKEN/);
  });
});
