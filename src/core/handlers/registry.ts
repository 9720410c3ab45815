import { CustomServerInputSchema } from '../../shared/contract';
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
  const takenIds = () => new Set(parts.catalog.list().map((definition) => definition.id));
  const addServer = serverHandlers(parts)['servers.add'];

  return {
    'registry.search': async ({ text, cursor }) => registry().search(text, cursor),
    'registry.show': async ({ name, version }) => registry().show(name, version, takenIds()),
    'registry.add': async (input) => {
      const prepared = await registry().prepareAdd(input, takenIds());
      const { id } = prepared.server;
      // In the keychain before the first start, so the server starts with its secrets.
      const stored: string[] = [];
      try {
        for (const [name, value] of Object.entries(prepared.secrets)) {
          await parts.secrets.set(id, name, value);
          stored.push(name);
        }
        const server = await addServer(CustomServerInputSchema.parse(prepared.server));
        return { server, package: prepared.plan };
      } catch (error) {
        for (const name of stored) await parts.secrets.delete(id, name).catch(() => false);
        throw error;
      }
    },
  };
}
