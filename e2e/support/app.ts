/**
 * What the UI specs share: opening the app on a route with the printed link, the contract called
 * straight on the host (for setup, clean-up and cross-checks, never for the step under test), and
 * waiting on a server's state with a liveness bound rather than a sleep.
 */
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { buildChaosServer } from '../../test/support/build-fixtures';
import type { MethodInput, MethodName, MethodResult, ServerState } from '../../src/shared/contract';
import type { E2eContext } from './e2e-context';
import { projectRoot } from './sandbox';
import { callServe } from './serve-process';

/** How long a server may take to reach a state on a loaded 2-core machine (a bound, not a wait). */
export const SERVER_STATE_TIMEOUT_MS = 45_000;

/** A contract method on the host, typed by the contract. */
export function callHost<M extends MethodName>(host: E2eContext, method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  return callServe<MethodResult<M>>(host, method, input);
}

/**
 * Opens the printed link (which sets the session cookie) on a route of the app, e.g.
 * "#/servers/weather/tools", and waits until the app shell is there.
 */
export async function openApp(page: Page, host: E2eContext, route = '#/servers'): Promise<void> {
  const response = await page.goto(`${host.url}${route}`);
  expect(response?.status(), 'the printed link opens the UI').toBe(200);
  await expect(page.getByTestId('nav-servers')).toBeVisible();
}

/** Moves the app to another route as its own links do (the hash changes; the page is not reloaded). */
export async function goToRoute(page: Page, route: string): Promise<void> {
  await page.evaluate((hash) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
  }, route);
}

export async function stateOf(host: E2eContext, serverId: string): Promise<ServerState> {
  return (await callHost(host, 'health.get', { id: serverId })).state;
}

/** Waits until the manager reports the state (the host's view; the UI's is asserted separately). */
export async function waitForState(host: E2eContext, serverId: string, state: ServerState, timeout = SERVER_STATE_TIMEOUT_MS): Promise<void> {
  await expect.poll(() => stateOf(host, serverId), { timeout, message: `${serverId} should become ${state}` }).toBe(state);
}

/** Starts the server unless it is up or on its way up, then waits until it runs. */
export async function ensureRunning(host: E2eContext, serverId: string): Promise<void> {
  const state = await stateOf(host, serverId);
  if (state === 'stopped' || state === 'failed') await callHost(host, 'servers.start', { id: serverId });
  await waitForState(host, serverId, 'running');
}

/** GITHUB_TOKEN stored for the github server (the fake GitHub's accepted token), and the server up with it. */
export async function ensureGitHubToken(host: E2eContext): Promise<void> {
  const { secrets } = await callHost(host, 'secrets.list', { serverId: 'github' });
  if (!secrets.some((secret) => secret.name === 'GITHUB_TOKEN' && secret.isSet)) {
    await callHost(host, 'secrets.set', { serverId: 'github', name: 'GITHUB_TOKEN', value: host.githubToken });
  }
  await ensureRunning(host, 'github');
}

/**
 * A custom server of this spec's own: the bundled weather server's build, launched the same way and
 * against the same fake Open-Meteo, under another id. Stopping or killing it touches nothing the
 * other specs use. Call removeScratchServer when done.
 */
export async function addScratchServer(host: E2eContext, id: string, name: string): Promise<void> {
  await removeScratchServer(host, id);
  const weather = await callHost(host, 'servers.get', { id: 'weather' });
  await callHost(host, 'servers.add', {
    id,
    name,
    command: weather.command,
    args: weather.args,
    env: weather.env,
    enabled: true,
    autostart: true,
  });
  await waitForState(host, id, 'running');
}

/** One of the test fixture servers (built to out/test/<fixture>.js) as a custom server of this spec's own, running. Call removeScratchServer when done. */
export async function addFixtureServer(
  host: E2eContext,
  server: { id: string; name: string; fixture: string; env?: Record<string, string>; sharing?: 'shared' | 'per-session' },
): Promise<void> {
  await buildChaosServer();
  await removeScratchServer(host, server.id);
  const { fixture, ...fields } = server;
  await callHost(host, 'servers.add', { ...fields, command: process.execPath, args: [path.join(projectRoot, `out/test/${fixture}.js`)], enabled: true, autostart: true });
  await waitForState(host, server.id, 'running');
}

export async function removeScratchServer(host: E2eContext, id: string): Promise<void> {
  const servers = await callHost(host, 'servers.list', {});
  if (servers.some((server) => server.id === id)) await callHost(host, 'servers.remove', { id });
}
