import { useState } from 'react';
import { useApi } from '../app/api-context';
import { useAction } from '../hooks/use-action';
import { useQuery } from '../hooks/use-query';
import { setEnabledInput, type ClientChoice } from './tool-switch-state';

/** A switch being saved: it shows its new position at once, and the saved one again if saving fails. */
export interface SavingSwitch {
  tool: string;
  enabled: boolean;
}

/** A server's tool switches: read with tools.access, flipped with tools.setEnabled (its answer replaces what is shown). */
export function useToolAccess(serverId: string) {
  const api = useApi();
  const { state, reload, setData } = useQuery('tools.access', { serverId }, serverId);
  const [saving, setSaving] = useState<SavingSwitch | null>(null);
  const setEnabled = useAction(async (tool: string, enabled: boolean, choice: ClientChoice) => {
    setSaving({ tool, enabled });
    try {
      setData(await api.call('tools.setEnabled', setEnabledInput(serverId, tool, enabled, choice)));
    } finally {
      setSaving(null);
    }
  });
  return { state, reload, setEnabled, saving };
}
