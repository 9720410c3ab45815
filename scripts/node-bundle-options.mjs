// How every plain-Node bundle (servers, CLI, launcher, in-process benchmarks) is built, so that
// what a benchmark measures is the code that ships.
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// Some dependencies still call require(); give the ESM bundles one.
export const requireShim = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

export const nodeBundleOptions = {
  absWorkingDir: root,
  bundle: true,
  splitting: false,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  minifySyntax: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
};

/** For bundles that hold the manager: keytar is a native addon loaded from node_modules, never bundled. */
export const managerBundleOptions = {
  ...nodeBundleOptions,
  external: ['keytar'],
  // jsonc-parser's "main" is a UMD build whose inner require() calls esbuild cannot follow; its ESM build bundles.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};
