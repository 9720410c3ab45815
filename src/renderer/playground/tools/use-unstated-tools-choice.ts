import { useApi } from '../../app/api-context';
import { useQuery } from '../../hooks/use-query';

interface UnstatedToolsChoice {
  /** The person chose to run this server's tools that do not say whether they change data without being asked. */
  runWithoutAsking: boolean;
  setRunWithoutAsking: (value: boolean) => Promise<void>;
}

/** "Don't ask again for this server", kept in the app's settings (runUnannotatedToolsWithoutAsking). */
export function useUnstatedToolsChoice(serverId: string): UnstatedToolsChoice {
  const api = useApi();
  const settings = useQuery('settings.get', {}, 'settings');
  const { setData } = settings;
  const runWithoutAsking = settings.state.data?.runUnannotatedToolsWithoutAsking.includes(serverId) ?? false;

  const setRunWithoutAsking = async (value: boolean) => {
    // Read afresh: another window may have changed the list since this one loaded it.
    const current = (await api.call('settings.get', {})).runUnannotatedToolsWithoutAsking.filter((id) => id !== serverId);
    setData(await api.call('settings.update', { runUnannotatedToolsWithoutAsking: value ? [...current, serverId] : current }));
  };
  return { runWithoutAsking, setRunWithoutAsking };
}
