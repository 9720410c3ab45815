// Bundles an in-process benchmark (`node scripts/build-bench.mjs manager` builds bench/manager.bench.ts)
// to out/bench/<name>.bench.js exactly as the CLI is bundled, so it times the code that ships rather
// than the code as a TypeScript loader rewrites it on the fly.
import { build } from 'esbuild';
import { managerBundleOptions, requireShim } from './node-bundle-options.mjs';

const name = process.argv[2];
if (!name || !/^[a-z-]+$/.test(name)) {
  console.error('Usage: node scripts/build-bench.mjs <name>   (builds bench/<name>.bench.ts)');
  process.exit(2);
}
await build({
  ...managerBundleOptions,
  entryPoints: [`bench/${name}.bench.ts`],
  outfile: `out/bench/${name}.bench.js`,
  // The benchmark builds its fixture server with esbuild, which runs its own binary: loaded, not bundled.
  external: [...managerBundleOptions.external, 'esbuild'],
  banner: { js: requireShim },
});
