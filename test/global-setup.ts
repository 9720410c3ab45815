import { execFileSync } from 'node:child_process';

/** Integration tests spawn the built servers, so build them once before any test runs. */
export default function setup(): void {
  if (process.env.MCP_TRAY_SKIP_BUILD === '1') return;
  execFileSync(process.execPath, ['scripts/build-servers.mjs'], { stdio: 'inherit' });
}
