import { ContractError, CustomServerInputSchema, describeValidationError, type ServerDefinition } from '../../shared/contract';
import { isBundledId } from '../catalog';
import { applyToRunning, summaryOf, type CoreParts, type HandlersOf } from './core-parts';

type ServerMethods =
  | 'servers.list'
  | 'servers.get'
  | 'servers.start'
  | 'servers.stop'
  | 'servers.restart'
  | 'servers.add'
  | 'servers.update'
  | 'servers.remove'
  | 'servers.setEnabled'
  | 'servers.setAutostart'
  | 'servers.setEnv'
  | 'health.get';

export function serverHandlers(parts: CoreParts): HandlersOf<ServerMethods> {
  const { catalog } = parts;

  const requireEnabled = (id: string): void => {
    if (!catalog.get(id).enabled) throw new ContractError('conflict', `Server "${id}" is disabled. Enable it first.`);
  };

  const requireCustom = (id: string): void => {
    if (isBundledId(id)) throw new ContractError('invalid_input', `"${id}" is a bundled server: it can be disabled, not edited or removed.`);
    catalog.get(id);
  };

  const setServerFlag = (definition: ServerDefinition, flag: { enabled?: boolean; autostart?: boolean }): void => {
    if (definition.kind === 'custom') {
      catalog.updateServers((current) => ({
        ...current,
        customServers: current.customServers.map((server) => (server.id === definition.id ? { ...server, ...flag } : server)),
      }));
    } else {
      catalog.updateServers((current) => ({
        ...current,
        servers: { ...current.servers, [definition.id]: { env: {}, ...current.servers[definition.id], ...flag } },
      }));
    }
  };

  return {
    // Each summary built from the list already in hand: summaryOf(id) would look every definition up again.
    'servers.list': async () => catalog.list().map((definition) => ({ ...definition, health: parts.supervisorFor(definition.id).health() })),
    'servers.get': async ({ id }) => summaryOf(parts, id),
    'servers.start': async ({ id }) => {
      requireEnabled(id);
      return parts.supervisorFor(id).start();
    },
    'servers.stop': async ({ id }) => {
      catalog.get(id);
      return parts.supervisorFor(id).stop();
    },
    'servers.restart': async ({ id }) => {
      requireEnabled(id);
      return parts.supervisorFor(id).restart();
    },
    'servers.add': async (server) => {
      if (catalog.list().some((definition) => definition.id === server.id)) {
        throw new ContractError('conflict', `A server with id "${server.id}" already exists. Choose another id.`);
      }
      await parts.launches.requireCommand(server.command);
      catalog.updateServers((current) => ({ ...current, customServers: [...current.customServers, server] }));
      if (server.enabled && server.autostart) await parts.supervisorFor(server.id).start();
      return summaryOf(parts, server.id);
    },
    'servers.update': async ({ id, patch }) => {
      requireCustom(id);
      if (patch.command !== undefined) await parts.launches.requireCommand(patch.command);
      catalog.updateServers((current) => ({
        ...current,
        customServers: current.customServers.map((server) => {
          if (server.id !== id) return server;
          const parsed = CustomServerInputSchema.safeParse({ ...server, ...patch, id });
          if (!parsed.success) throw new ContractError('invalid_input', describeValidationError(parsed.error));
          return parsed.data;
        }),
      }));
      if (catalog.get(id).enabled) await applyToRunning(parts, id, 'the new settings');
      else await parts.supervisorFor(id).stop();
      return summaryOf(parts, id);
    },
    'servers.remove': async ({ id }) => {
      requireCustom(id);
      const definition = catalog.get(id);
      await parts.disposeSupervisor(id);
      catalog.updateServers((current) => ({ ...current, customServers: current.customServers.filter((server) => server.id !== id) }));
      for (const name of definition.secretEnv) await parts.secrets.delete(id, name).catch(() => false);
      await parts.logs.removeServer(id).catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ContractError('failed', `"${id}" was removed, but its log files could not be deleted (${reason}). Delete ${id}.jsonl and ${id}.*.jsonl in the logs folder by hand.`);
      });
      return { removed: true as const };
    },
    'servers.setEnabled': async ({ id, enabled }) => {
      setServerFlag(catalog.get(id), { enabled });
      if (!enabled) await parts.supervisorFor(id).stop();
      else await parts.supervisorFor(id).start();
      return summaryOf(parts, id);
    },
    'servers.setAutostart': async ({ id, autostart }) => {
      setServerFlag(catalog.get(id), { autostart });
      return summaryOf(parts, id);
    },
    'servers.setEnv': async ({ id, env }) => {
      const definition = catalog.get(id);
      const secretNames = new Set(definition.secretEnv);
      const clash = Object.keys(env).find((name) => secretNames.has(name));
      if (clash) throw new ContractError('invalid_input', `${clash} is a secret of "${id}": set it with "mcp-tray secrets set ${id} ${clash}", not as plain environment.`);
      const next = { ...definition.env };
      for (const [name, value] of Object.entries(env)) {
        if (value === null) delete next[name];
        else next[name] = value;
      }
      if (definition.kind === 'custom') {
        catalog.updateServers((current) => ({
          ...current,
          customServers: current.customServers.map((server) => (server.id === id ? { ...server, env: next } : server)),
        }));
      } else {
        catalog.updateServers((current) => ({ ...current, servers: { ...current.servers, [id]: { ...current.servers[id], env: next } } }));
      }
      await applyToRunning(parts, id, 'the new environment');
      return summaryOf(parts, id);
    },
    'health.get': async ({ id }) => {
      catalog.get(id);
      return parts.supervisorFor(id).health();
    },
  };
}
