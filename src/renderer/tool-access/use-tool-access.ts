import { useApi } from '../app/api-context';
import { useAction } from '../hooks/use-action';
import { useQuery } from '../hooks/use-query';
import { setEnabledInput, type ClientChoice } from './tool-switch-state';

/** A server's tool switches: read with tools.access, flipped with tools.setEnabled (its answer replaces what is shown). */
export function useToolAccess(serverId: string) {
  const api = useApi();
  const { state, reload, setData } = useQuery('tools.access', { serverId }, serverId);
  const setEnabled = useAction(async (tool: string, enabled: boolean, choice: ClientChoice) => {
    setData(await api.call('tools.setEnabled', setEnabledInput(serverId, tool, enabled, choice)));
  });
  return { state, reload, setEnabled };
}

export type ToolAccessControl = ReturnType<typeof useToolAccess>;
