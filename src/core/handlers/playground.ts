import { CompleteResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { ContractError } from '../../shared/contract';
import type { ManagerLogLevels } from '../playground/manager-log-levels';
import type { UiSessions } from '../playground/ui-sessions';
import { rethrowSaidOnce } from '../server-error';
import type { ServerHandshake } from '../supervisor-relay';
import type { CoreParts, HandlersOf } from './core-parts';

/** What the playground's methods need beyond the core parts: the UI's session on each server and its log level. */
export interface PlaygroundParts {
  readonly uiSessions: UiSessions;
  readonly logLevels: ManagerLogLevels;
  /** Sets each of the server's processes to the lowest level anyone asked for. */
  applyManagerLevel(serverId: string): Promise<void>;
}

type PlaygroundMethod = 'servers.protocol' | 'completions.complete' | 'resources.subscribe' | 'resources.unsubscribe' | 'logs.setServerLevel';

export function playgroundHandlers(parts: CoreParts, playground: PlaygroundParts): HandlersOf<PlaygroundMethod> {
  const handshakeOf = (serverId: string): ServerHandshake => {
    const handshake = parts.supervisorFor(parts.catalog.get(serverId).id).handshake;
    if (!handshake) throw new ContractError('not_running', `Server "${serverId}" is not running. Start it first.`);
    return handshake;
  };
  return {
    'servers.protocol': async ({ id }) => {
      const handshake = handshakeOf(id);
      return {
        serverId: id,
        protocolVersion: handshake.protocolVersion ?? null,
        serverInfo: handshake.serverInfo ?? null,
        capabilities: handshake.capabilities,
        instructions: handshake.instructions ?? null,
        logLevel: playground.logLevels.get(id),
        subscriptions: playground.uiSessions.subscriptions(id),
      };
    },
    'completions.complete': async ({ serverId, ref, argument, context }) => {
      // MCP 2025-11-25, Server > Utilities > Completion: only a server that declares `completions` is asked.
      if (!handshakeOf(serverId).capabilities.completions) {
        throw new ContractError('unavailable', `Server "${serverId}" does not offer completions (it does not declare the completions capability).`);
      }
      const params = { ref, argument, ...(context ? { context } : {}) };
      const answer = await parts.supervisorFor(serverId).forward('completion/complete', params, {}).catch(rethrowSaidOnce);
      const parsed = CompleteResultSchema.safeParse(answer);
      if (!parsed.success) throw new ContractError('failed', `Server "${serverId}" answered completion/complete with something that is not a completion result.`);
      return parsed.data;
    },
    'resources.subscribe': async ({ serverId, uri }) => {
      await playground.uiSessions.subscribe(parts.catalog.get(serverId).id, uri).catch(rethrowSaidOnce);
      return { subscribed: true as const };
    },
    'resources.unsubscribe': async ({ serverId, uri }) => {
      await playground.uiSessions.unsubscribe(parts.catalog.get(serverId).id, uri).catch(rethrowSaidOnce);
      return { subscribed: false as const };
    },
    'logs.setServerLevel': async ({ serverId, level }) => {
      const id = parts.catalog.get(serverId).id;
      playground.logLevels.set(id, level);
      // A server that is down takes the level when it next starts.
      await playground.applyManagerLevel(id).catch(rethrowSaidOnce);
      return { serverId: id, level };
    },
  };
}
