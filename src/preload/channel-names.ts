/**
 * The contract's method and event names, and their IPC channels, for the sandboxed preload.
 *
 * Why a list here instead of `Object.keys(contract)`: a sandboxed preload can require only
 * 'electron' and a few built-ins, so everything it imports is bundled into it, and the contract
 * would pull zod and the MCP SDK's schemas into every window. Type-only imports cost nothing; the
 * compiler checks that each list holds exactly the contract's names, and
 * channel-names.test.ts checks the lists and channel strings against contract.ts and bridge.ts.
 */
import type { EventName, MethodName } from '../shared/contract';

/** Compiles only when `Listed` covers every member of `All` (and nothing else). */
type ExactlyAll<All extends string, Listed extends All> = [Exclude<All, Listed>] extends [never] ? true : { missing: Exclude<All, Listed> };

export const METHOD_NAMES = [
  'servers.list',
  'servers.get',
  'servers.start',
  'servers.stop',
  'servers.restart',
  'servers.add',
  'servers.update',
  'servers.remove',
  'servers.setEnabled',
  'servers.setAutostart',
  'servers.setEnv',
  'health.get',
  'logs.query',
  'logs.storage',
  'tools.list',
  'tools.call',
  'calls.cancel',
  'resources.list',
  'resources.read',
  'prompts.list',
  'prompts.get',
  'secrets.list',
  'secrets.set',
  'secrets.delete',
  'clients.list',
  'clients.preview',
  'clients.register',
  'clients.unregister',
  'clients.repair',
  'settings.get',
  'settings.update',
  'servers.setSharing',
  'servers.setRoots',
  'sessions.list',
  'tools.access',
  'tools.setEnabled',
  'tools.changes',
  'tools.approve',
  'messages.query',
  'messages.get',
  'serverRequests.list',
  'serverRequests.answer',
  'servers.protocol',
  'completions.complete',
  'resources.subscribe',
  'resources.unsubscribe',
  'logs.setServerLevel',
  'clients.importPlan',
  'clients.import',
  'clients.dropBackup',
  'registry.search',
  'registry.show',
  'registry.add',
] as const satisfies readonly MethodName[];

export const EVENT_NAMES = [
  'server.health',
  'servers.changed',
  'log.entry',
  'call.progress',
  'server.listChanged',
  'settings.changed',
  'sessions.changed',
  'tools.held',
  'messages.appended',
  'serverRequests.changed',
  'resources.updated',
] as const satisfies readonly EventName[];

const everyMethodListed: ExactlyAll<MethodName, (typeof METHOD_NAMES)[number]> = true;
const everyEventListed: ExactlyAll<EventName, (typeof EVENT_NAMES)[number]> = true;
void everyMethodListed;
void everyEventListed;

/** Same strings as methodChannel/eventChannel in src/shared/bridge.ts (checked by the test). */
export const preloadMethodChannel = (method: MethodName): string => `mcp-tray:call:${method}`;
export const preloadEventChannel = (event: EventName): string => `mcp-tray:event:${event}`;
