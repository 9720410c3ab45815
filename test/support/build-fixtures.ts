import { build } from 'esbuild';
import { projectRoot } from './mcp-child';

/** Bundles the chaos fixture server to out/test/chaos-server.js, like a real server would be. */
export async function buildChaosServer(): Promise<void> {
  await build({
    absWorkingDir: projectRoot,
    entryPoints: { 'chaos-server': 'test/fixtures/chaos-server.ts' },
    outdir: 'out/test',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning',
  });
}
