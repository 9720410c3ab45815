// Bundles each MCP server into a self-contained ESM entry under out/servers that runs with plain node
// (out/servers/<id>.js, with the code it loads later in out/servers/chunks), and the `mcp-tray` CLI into
// out/host/cli.js (it finds the servers at ../servers).
import { build } from 'esbuild';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { managerBundleOptions, nodeBundleOptions, requireShim } from './node-bundle-options.mjs';

const serverEntries = {
  weather: 'src/servers/weather/main.ts',
  github: 'src/servers/github/main.ts',
};
const benchEntries = {
  // The one-tool baseline that bench/servers.bench.ts compares cold starts against, built the same way.
  'bench-minimal': 'bench/minimal-server.ts',
  // The bare SDK v2 HTTP server that bench/http.bench.ts compares HTTP throughput against.
  'bench-minimal-http': 'bench/minimal-http-server.ts',
  // A bare SDK v2 stdio server: what the SDK alone costs a cold start, for bench/http.bench.ts.
  'bench-minimal-stdio': 'bench/minimal-stdio-server.ts',
};
const allEntries = { ...serverEntries, ...benchEntries };
const SERVERS_OUTDIR = 'out/servers';
const CHUNKS_DIR = 'chunks';
const CLI_ENTRY = 'src/host/cli.ts';
const CLI_OUTFILE = 'out/host/cli.js';
// What MCP clients run (see src/launcher/launcher.ts); its file name is how our config entries are recognised.
const LAUNCHER_ENTRY = 'src/launcher/launcher.ts';
const LAUNCHER_OUTFILE = 'out/host/mcp-tray-launcher.js';
const LAUNCHER_CUSTOM_ENTRY = 'src/launcher/custom-server.ts';
const LAUNCHER_CUSTOM_OUTFILE = 'out/host/mcp-tray-launcher-custom.js';

// `node scripts/build-servers.mjs weather` builds just that one; `cli` names the CLI, `launcher` the launcher.
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => name !== 'cli' && name !== 'launcher' && !Object.hasOwn(allEntries, name));
if (unknown.length > 0) {
  console.error(`Unknown build target(s): ${unknown.join(', ')}. Known: ${[...Object.keys(allEntries), 'cli', 'launcher'].join(', ')}.`);
  process.exit(2);
}
const chosen = (entries) => Object.fromEntries(Object.entries(entries).filter(([id]) => wanted.length === 0 || wanted.includes(id)));
const chosenServers = chosen(serverEntries);
const chosenBenches = chosen(benchEntries);

/**
 * Every tool's JSON Schemas, converted from the zod schemas now rather than on each server's first
 * `tools/list` (see src/servers/kit/tool-schema.ts), and the GitHub tools' cards (see
 * src/servers/github/tool-cards.ts), each as JSON text for the bundles to embed.
 */
async function toolDescriptions() {
  const folder = await mkdtemp(join(tmpdir(), 'mcp-tray-tool-schemas-'));
  try {
    const outfile = join(folder, 'tool-json-schemas.mjs');
    await build({ ...nodeBundleOptions, sourcemap: false, entryPoints: ['scripts/tool-json-schemas-entry.ts'], outfile, banner: { js: requireShim } });
    const { toolJsonSchemasForBuild, gitHubToolCardsForBuild } = await import(pathToFileURL(outfile).href);
    return { jsonSchemas: JSON.stringify(toolJsonSchemasForBuild()), gitHubToolCards: JSON.stringify(gitHubToolCardsForBuild()) };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

// A third less code to parse on every start; names stay, so stack traces still read, and the source maps
// point back to the sources. The baselines the benchmarks compare against are built the same way.
const startupMinify = { minifyWhitespace: true, minifySyntax: true };

/** The SDK's platform shims, swapped for ours: src/servers/kit/sdk-platform-shims.ts says why. */
const SDK_SHIMS = '@modelcontextprotocol/server/_shims';
const sdkPlatformShims = {
  name: 'sdk-platform-shims',
  setup(pluginBuild) {
    const shims = fileURLToPath(new URL('../src/servers/kit/sdk-platform-shims.ts', import.meta.url));
    pluginBuild.onResolve({ filter: /^@modelcontextprotocol\/server\/_shims$/ }, (args) => (args.path === SDK_SHIMS ? { path: shims } : undefined));
  },
};

const builds = [];
if (Object.keys(chosenServers).length > 0) {
  // Chunks of an earlier build of every server are stale now; a build of one server keeps the others' chunks.
  if (Object.keys(chosenServers).length === Object.keys(serverEntries).length) {
    await rm(`${SERVERS_OUTDIR}/${CHUNKS_DIR}`, { recursive: true, force: true });
  }
  builds.push(
    build({
      ...nodeBundleOptions,
      entryPoints: chosenServers,
      outdir: SERVERS_OUTDIR,
      // What only a dynamic import() reaches (HTTP mode: auth, limits, metrics, Redis) stays in a chunk of
      // its own, so a stdio start neither reads nor compiles it; code both servers use is shared too.
      splitting: true,
      ...startupMinify,
      chunkNames: `${CHUNKS_DIR}/[name]-[hash]`,
      plugins: [sdkPlatformShims],
      define: await (async () => {
        const { jsonSchemas, gitHubToolCards } = await toolDescriptions();
        return { __PRECOMPUTED_TOOL_JSON_SCHEMAS__: JSON.stringify(jsonSchemas), __GITHUB_TOOL_CARDS__: JSON.stringify(gitHubToolCards) };
      })(),
      banner: { js: requireShim },
    }),
  );
}
if (Object.keys(chosenBenches).length > 0) {
  builds.push(build({ ...nodeBundleOptions, ...startupMinify, entryPoints: chosenBenches, outdir: SERVERS_OUTDIR, banner: { js: requireShim } }));
}
if (wanted.length === 0 || wanted.includes('cli')) {
  builds.push(
    build({
      ...managerBundleOptions,
      entryPoints: [CLI_ENTRY],
      outfile: CLI_OUTFILE,
      banner: { js: `#!/usr/bin/env node\n${requireShim}` },
    }).then(() => chmod(new URL(`../${CLI_OUTFILE}`, import.meta.url), 0o755)),
  );
}
if (wanted.length === 0 || wanted.includes('launcher')) {
  builds.push(
    build({
      ...nodeBundleOptions,
      entryPoints: [LAUNCHER_ENTRY],
      outfile: LAUNCHER_OUTFILE,
      // Loaded only when a server has secrets to read; a native addon, never bundled.
      external: ['keytar'],
      banner: { js: requireShim },
    }),
    // Custom-server support is a file of its own that the launcher imports only for a custom server:
    // the zod and MCP SDK code it needs stays out of every bundled server's start.
    build({ ...nodeBundleOptions, entryPoints: [LAUNCHER_CUSTOM_ENTRY], outfile: LAUNCHER_CUSTOM_OUTFILE, banner: { js: requireShim } }),
  );
}
await Promise.all(builds);
