import type { ApiClient } from '../../api/api-client';

const pending = new WeakMap<ApiClient, Map<string, Promise<ReadonlySet<string>>>>();

/**
 * The URIs a server lists among its resources. The links of one result render together, so they
 * share one resources.list call while it runs rather than each asking for the whole list.
 */
export function listedResourceUris(api: ApiClient, serverId: string): Promise<ReadonlySet<string>> {
  let byServer = pending.get(api);
  if (!byServer) pending.set(api, (byServer = new Map()));
  const running = byServer.get(serverId);
  if (running) return running;
  const request = api.call('resources.list', { serverId }).then((lists): ReadonlySet<string> => new Set(lists.resources.map((resource) => resource.uri)));
  byServer.set(serverId, request);
  const forget = () => {
    if (byServer.get(serverId) === request) byServer.delete(serverId);
  };
  request.then(forget, forget);
  return request;
}
