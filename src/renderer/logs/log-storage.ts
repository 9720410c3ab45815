import type { MethodResult } from '../../shared/contract';
import { formatBytes } from '../ui/format';

type LogStorage = MethodResult<'logs.storage'>;

const count = (value: number) => value.toLocaleString('en-US');

/**
 * Why the view may show more lines than the manager keeps: what this view holds, what the manager
 * keeps in memory, and what is on disk, where.
 */
export function describeLogStorage(storage: LogStorage, viewCapacity: number): { view: string; memory: string; disk: string } {
  return {
    view: `This view: the lines since it opened, up to ${count(viewCapacity)}.`,
    memory: `In memory: the newest ${count(storage.linesInMemory)} lines of this server (Settings, "Log lines kept per server").`,
    disk:
      storage.file === null
        ? 'On disk: nothing; this log is kept in memory only.'
        : `On disk: every line, in ${storage.file}, with up to ${count(storage.maxFiles - 1)} older ${storage.maxFiles === 2 ? 'file' : 'files'} beside it (a new one every ${formatBytes(storage.maxFileBytes)}).`,
  };
}
