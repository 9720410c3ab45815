/**
 * Playwright's global setup: build if needed, start a sandbox (temp HOME, isolated keychain, fake
 * Open-Meteo and GitHub wired in before the manager starts), start `mcp-tray serve` in it, wait for
 * every server to run, and hand the link to the specs. The returned function is the teardown.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { OCTOCAT_TOKEN } from '../../test/servers/fixtures/github-data';
import { E2E_CONTEXT_VARIABLE, type E2eContext } from './e2e-context';
import { buildIfNeeded, createE2eSandbox, projectRoot } from './sandbox';
import { SCREENSHOTS_DIR } from './screenshots';
import { startServe, waitForServersRunning, type ServeProcess } from './serve-process';

export default async function globalSetup(): Promise<() => Promise<void>> {
  await buildIfNeeded();
  // Screenshots of this run only; stale ones would pass for fresh artifacts.
  await rm(path.join(projectRoot, SCREENSHOTS_DIR), { recursive: true, force: true });
  await mkdir(path.join(projectRoot, SCREENSHOTS_DIR), { recursive: true });

  const sandbox = await createE2eSandbox('e2e');
  let serve: ServeProcess | undefined;
  try {
    serve = await startServe(sandbox);
    await waitForServersRunning(serve);
  } catch (error) {
    await serve?.stop();
    await sandbox.dispose();
    throw error;
  }

  const context: E2eContext = {
    origin: serve.origin,
    url: serve.url,
    token: serve.token,
    servePid: serve.pid,
    home: sandbox.home,
    dataDir: sandbox.dataDir,
    cliEnv: sandbox.env,
    githubToken: OCTOCAT_TOKEN,
    githubApiUrl: sandbox.github.apiUrl,
  };
  process.env[E2E_CONTEXT_VARIABLE] = JSON.stringify(context);

  const running = serve;
  return async () => {
    const code = await running.stop();
    await sandbox.dispose();
    if (code !== 0) {
      const { stdout, stderr } = running.output();
      console.error(`mcp-tray serve exited with ${code} at the end of the run.\nstderr:\n${stderr}\nstdout (last 2,000 chars):\n${stdout.slice(-2_000)}`);
    }
  };
}
