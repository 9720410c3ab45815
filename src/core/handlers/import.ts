import { ClientImporter } from '../clients/import/client-importer';
import type { CoreParts, HandlersOf } from './core-parts';

export function importHandlers(parts: CoreParts, dataDir: string): HandlersOf<'clients.importPlan' | 'clients.import' | 'clients.dropBackup'> {
  const importer = new ClientImporter({
    dataDir,
    target: (clientId) => parts.clients().importTarget(clientId),
    servers: () => parts.catalog.list(),
    addServer: (server) => parts.catalog.addCustom(server),
    removeServer: (id) => parts.catalog.removeCustom(id),
    secrets: parts.secrets,
  });
  return {
    'clients.importPlan': async (input) => importer.plan(input),
    'clients.import': async (input) => importer.import(input),
    'clients.dropBackup': async (input) => importer.dropBackup(input),
  };
}
