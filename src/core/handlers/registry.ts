import { ContractError, CustomServerInputSchema } from '../../shared/contract';
import { serverIdFor } from '../registry/registry-id';
import { RegistryService } from '../registry/registry-service';
import type { CoreParts, HandlersOf } from './core-parts';
import { serverHandlers } from './servers';

export interface RegistryHandlerOptions {
  dataDir: string;
  runtime: ConstructorParameters<typeof RegistryService>[0]['runtime'];
  onWarning: (message: string) => void;
}

export function registryHandlers(parts: CoreParts, options: RegistryHandlerOptions): HandlersOf<'registry.search' | 'registry.show' | 'registry.add'> {
  // Made on first use, so a bad MCP_TRAY_REGISTRY_URL is reported by the registry methods alone.
  let service: RegistryService | undefined;
  const registry = () => (service ??= new RegistryService(options));
  /** Ids an add in progress has claimed but not yet put in the catalog. */
  const claimed = new Set<string>();
  const takenIds = () => new Set([...parts.catalog.list().map((definition) => definition.id), ...claimed]);
  const addServer = serverHandlers(parts)['servers.add'];

  /** Puts the secrets in the keychain; on failure puts back what was there before, deleting only what this call created. */
  const storeSecrets = async (id: string, secrets: Record<string, string>) => {
    const before = new Map<string, string | undefined>();
    const undo = async () => {
      for (const [name, previous] of before) {
        if (previous === undefined) await parts.secrets.delete(id, name).catch(() => false);
        else await parts.secrets.set(id, name, previous).catch(() => undefined);
      }
    };
    try {
      for (const [name, value] of Object.entries(secrets)) {
        before.set(name, await parts.secrets.get(id, name));
        await parts.secrets.set(id, name, value);
      }
    } catch (error) {
      await undo();
      throw error;
    }
    return undo;
  };

  return {
    'registry.search': async ({ text, cursor }) => registry().search(text, cursor),
    'registry.show': async ({ name, version }) => registry().show(name, version, takenIds()),
    'registry.add': async (input) => {
      const prepared = await registry().prepareAdd(input);
      // The id is picked only now, after the slow checks, and held until the server is in the catalog.
      let id: string | undefined;
      let undoSecrets: (() => Promise<void>) | undefined;
      try {
        id = serverIdFor(prepared.registryName, takenIds());
        claimed.add(id);
        const placed = await registry().place(prepared, id);
        // In the keychain before the first start, so the server starts with its secrets.
        undoSecrets = await storeSecrets(id, prepared.secrets);
        const server = await addServer(CustomServerInputSchema.parse(placed.server));
        return { server, package: placed.plan };
      } catch (error) {
        const addedByThisCall = id !== undefined && parts.catalog.list().some((definition) => definition.id === id) && !(error instanceof ContractError && error.code === 'conflict');
        if (!addedByThisCall) {
          await undoSecrets?.();
          await registry().discard(prepared, id).catch(() => undefined);
        }
        throw error;
      } finally {
        if (id !== undefined) claimed.delete(id);
      }
    },
  };
}
