import type { ClientChangeResult, ClientId, MethodResult } from '../../shared/contract';
import type { ApiClient } from '../api/api-client';

type ClientAction = 'register' | 'unregister' | 'repair';

/** A change the user asked for on the Clients page, previewed before it is written. */
export interface PlannedClientChange {
  clientId: ClientId;
  clientName: string;
  action: ClientAction;
  /** Omitted: every enabled server (register) or all of ours (unregister). */
  serverIds?: string[];
  renameOnConflict?: boolean;
  /** What the confirm button says, e.g. "Add weather to Claude Desktop". */
  title: string;
}

export function previewChange(api: ApiClient, change: PlannedClientChange): Promise<ClientChangeResult> {
  return api.call('clients.preview', {
    clientId: change.clientId,
    action: change.action,
    ...(change.serverIds ? { serverIds: change.serverIds } : {}),
    ...(change.renameOnConflict ? { renameOnConflict: true } : {}),
  });
}

export function applyChange(api: ApiClient, change: PlannedClientChange): Promise<MethodResult<'clients.register'>> {
  const serverIds = change.serverIds ? { serverIds: change.serverIds } : {};
  switch (change.action) {
    case 'register':
      return api.call('clients.register', { clientId: change.clientId, ...serverIds, ...(change.renameOnConflict ? { renameOnConflict: true } : {}) });
    case 'unregister':
      return api.call('clients.unregister', { clientId: change.clientId, ...serverIds });
    case 'repair':
      return api.call('clients.repair', { clientId: change.clientId });
  }
}
