import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

// The MCP servers are not built here: each must be one self-contained file that runs with
// plain node, which scripts/build-servers.mjs produces (see "npm run build:servers").
export default defineConfig({
  main: {
    build: { outDir: 'out/main', rollupOptions: { input: { index: resolve('src/main/index.ts') } } },
  },
  preload: {
    // A sandboxed preload cannot be an ES module.
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve('src/preload/index.ts') }, output: { format: 'cjs' } },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react()],
    build: { minify: true, outDir: resolve('out/renderer'), rollupOptions: { input: { index: resolve('src/renderer/index.html') } } },
  },
});
