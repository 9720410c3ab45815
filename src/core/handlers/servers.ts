import { ContractError } from '../../shared/contract';
import { messageOf } from '../../shared/error-message';
import { removeRegistryPackageFiles } from '../registry/package-files';
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
  | 'servers.setSharing'
  | 'servers.setRoots'
  | 'servers.setEnv'
  | 'health.get';

/** `dataDir` holds the checked package files of servers added from the registry, deleted with their server. */
export function serverHandlers(parts: CoreParts, dataDir?: string): HandlersOf<ServerMethods> {
  const { catalog } = parts;

  const requireEnabled = (id: string): void => {
    if (!catalog.get(id).enabled) throw new ContractError('conflict', `Server "${id}" is disabled. Enable it first.`);
  };

  return {
    // Each summary built from the definition already in hand, not looked up again per server.
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
      catalog.addCustom(server);
      if (server.enabled && server.autostart) await parts.supervisorFor(server.id).start();
      return summaryOf(parts, server.id);
    },
    'servers.update': async ({ id, patch }) => {
      catalog.requireCustom(id);
      if (patch.command !== undefined) await parts.launches.requireCommand(patch.command);
      catalog.patch(id, patch);
      if (catalog.get(id).enabled) await applyToRunning(parts, id, 'the new settings');
      else await parts.supervisorFor(id).stop();
      return summaryOf(parts, id);
    },
    'servers.remove': async ({ id }) => {
      const definition = catalog.requireCustom(id);
      await parts.disposeSupervisor(id);
      catalog.removeCustom(id);
      for (const name of definition.secretEnv) await parts.secrets.delete(id, name).catch(() => false);
      if (dataDir !== undefined) {
        await removeRegistryPackageFiles(dataDir, id).catch((error: unknown) => {
          throw new ContractError('failed', `"${id}" was removed, but its package files could not be deleted (${messageOf(error)}). Delete the folder registry-packages/${id} in the data folder by hand.`);
        });
      }
      await parts.logs.removeServer(id).catch((error: unknown) => {
        throw new ContractError('failed', `"${id}" was removed, but its log files could not be deleted (${messageOf(error)}). Delete ${id}.jsonl and ${id}.*.jsonl in the logs folder by hand.`);
      });
      return { removed: true as const };
    },
    'servers.setEnabled': async ({ id, enabled }) => {
      catalog.patch(id, { enabled });
      if (!enabled) await parts.supervisorFor(id).stop();
      else await parts.supervisorFor(id).start();
      return summaryOf(parts, id);
    },
    'servers.setAutostart': async ({ id, autostart }) => {
      catalog.patch(id, { autostart });
      return summaryOf(parts, id);
    },
    'servers.setSharing': async ({ id, sharing }) => {
      // Sessions already connected keep the process they have; the next ones follow the new choice.
      catalog.patch(id, { sharing });
      return summaryOf(parts, id);
    },
    'servers.setRoots': async ({ id, roots }) => {
      catalog.patch(id, { roots });
      parts.rootsChanged(id);
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
      catalog.patch(id, { env: next });
      await applyToRunning(parts, id, 'the new environment');
      return summaryOf(parts, id);
    },
    'health.get': async ({ id }) => {
      catalog.get(id);
      return parts.supervisorFor(id).health();
    },
  };
}
