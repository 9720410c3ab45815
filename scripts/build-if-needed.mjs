// Builds what `mcp-tray serve` needs (the CLI and servers, and the UI) only when a source is newer
// than its build: `npm run serve`, the Playwright setup and the UI benchmark start from here.
// MCP_TRAY_SKIP_BUILD=1 skips the check (npm test has just built everything).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (relative) => path.join(root, relative);

function newestMtime(relative) {
  const full = at(relative);
  if (!existsSync(full)) return 0;
  const stats = statSync(full);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(relative, entry)));
  return newest;
}

function oldestOutput(outputs) {
  let oldest = Infinity;
  for (const output of outputs) oldest = Math.min(oldest, existsSync(at(output)) ? statSync(at(output)).mtimeMs : 0);
  return oldest;
}

const targets = [
  {
    name: 'the CLI, the launcher and the bundled servers',
    outputs: ['out/host/cli.js', 'out/host/mcp-tray-launcher.js', 'out/host/mcp-tray-launcher-custom.js', 'out/servers/weather.js', 'out/servers/github.js'],
    inputs: ['src/host', 'src/surfaces', 'src/launcher', 'src/core', 'src/shared', 'src/servers', 'scripts/build-servers.mjs', 'package.json'],
    command: [process.execPath, ['scripts/build-servers.mjs']],
  },
  {
    name: 'the UI',
    outputs: ['out/renderer/index.html'],
    inputs: ['src/renderer', 'src/shared', 'electron.vite.config.ts', 'package.json'],
    command: [process.platform === 'win32' ? 'npx.cmd' : 'npx', ['electron-vite', 'build']],
  },
];

if (process.env.MCP_TRAY_SKIP_BUILD !== '1') {
  for (const target of targets) {
    const newestInput = Math.max(...target.inputs.map(newestMtime));
    if (oldestOutput(target.outputs) >= newestInput) continue;
    console.error(`Building ${target.name}…`);
    const [command, args] = target.command;
    // Build output goes to stderr: stdout belongs to the command that follows (serve prints its link there).
    const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 2, 2] });
    if (result.status !== 0) {
      console.error(`Building ${target.name} failed; see above.`);
      process.exit(result.status ?? 1);
    }
  }
}
