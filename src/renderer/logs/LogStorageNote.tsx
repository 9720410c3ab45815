import { useQuery } from '../hooks/use-query';
import { describeLogStorage } from './log-storage';

/** One line under the log toolbar: what this view, the manager's memory and the disk each keep, and where. */
export function LogStorageNote({ serverId, viewCapacity }: { serverId: string; viewCapacity: number }) {
  const query = useQuery('logs.storage', { serverId }, serverId);
  const storage = query.state.data;
  if (!storage) return null;
  const text = describeLogStorage(storage, viewCapacity);
  return (
    <p className="log-storage" data-testid="log-storage">
      <span>{text.view}</span> <span>{text.memory}</span> <span className="log-storage-disk">{text.disk}</span>
    </p>
  );
}
