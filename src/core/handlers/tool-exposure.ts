import type { ManagedToolExposure } from '../managed-tool-exposure';
import type { CoreParts, HandlersOf } from './core-parts';

type ToolExposureMethods = 'tools.access' | 'tools.setEnabled' | 'tools.changes' | 'tools.approve';

/** Which tools each client is shown: the switches per client, and definitions held back until approved. */
export function toolExposureHandlers(parts: CoreParts, exposure: ManagedToolExposure): HandlersOf<ToolExposureMethods> {
  const { catalog } = parts;
  return {
    'tools.access': async ({ serverId }) => exposure.access(catalog.get(serverId).id),
    'tools.setEnabled': async ({ serverId, tool, enabled, client }) => exposure.setEnabled(catalog.get(serverId).id, tool, enabled, client),
    'tools.changes': async ({ serverId }) => exposure.changes(catalog.get(serverId).id),
    'tools.approve': async ({ serverId, tools }) => exposure.approve(catalog.get(serverId).id, tools),
  };
}
