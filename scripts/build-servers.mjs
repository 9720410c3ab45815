// Bundles each MCP server into one self-contained ESM file under out/servers that runs with plain node.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const allEntries = {
  weather: 'src/servers/weather/main.ts',
  github: 'src/servers/github/main.ts',
  // The one-tool baseline that bench/servers.bench.ts compares cold starts against, built the same way.
  'bench-minimal': 'bench/minimal-server.ts',
};
// `node scripts/build-servers.mjs weather` builds just that one.
const wanted = process.argv.slice(2);
const serverEntries = Object.fromEntries(
  Object.entries(allEntries).filter(([id]) => wanted.length === 0 || wanted.includes(id)),
);

await build({
  absWorkingDir: root,
  entryPoints: serverEntries,
  outdir: 'out/servers',
  bundle: true,
  splitting: false,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  minifySyntax: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  // Some dependencies still call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
