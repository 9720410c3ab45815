import { build } from 'esbuild';
import { projectRoot } from './mcp-child';

/** Bundles the fixture servers to out/test/<name>.js (chaos-server, bridge-probe-server, server-requests-server, playground-server), like a real server would be. */
export async function buildChaosServer(): Promise<void> {
  await build({
    absWorkingDir: projectRoot,
    entryPoints: {
      'chaos-server': 'test/fixtures/chaos-server.ts',
      'bridge-probe-server': 'test/fixtures/bridge-probe-server.ts',
      'server-requests-server': 'test/fixtures/server-requests-server.ts',
      'playground-server': 'test/fixtures/playground-server.ts',
    },
    outdir: 'out/test',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning',
  });
}
