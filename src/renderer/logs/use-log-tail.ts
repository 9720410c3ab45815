import { useCallback, useEffect, useState } from 'react';
import type { LogEntry } from '../../shared/contract';
import { messageOf } from '../../shared/error-message';
import { useApi } from '../app/api-context';
import { useFrameBatches } from '../hooks/use-frame-batches';
import { LogBuffer } from './log-buffer';

/** The most a log view holds in memory; the manager's own buffer and files keep the rest. */
const MAX_TAIL_ENTRIES = 100_000;
/** The newest lines, fetched first so the view shows something at once. */
const FIRST_PAGE = 2_000;
/** Older lines are then fetched in pages this big, each a short pause rather than one long one. */
const BACKFILL_PAGE = 20_000;

interface LogTail {
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  buffer: LogBuffer;
  /** Changes whenever the buffer's contents do. */
  version: number;
  /** Older lines are still being fetched behind the ones shown. */
  backfilling: boolean;
  /** Entries that arrived while paused, shown on resume. */
  heldBack: number;
  retry: () => void;
}

/**
 * A server's log: the newest entries from logs.query, then each `log.entry` as it happens, while
 * older entries are fetched page by page behind them. Live entries are applied at most once per
 * frame (a chatty server can log thousands a second); while paused they are held back, not shown,
 * so the view stays still for reading.
 */
export function useLogTail(serverId: string, options: { paused?: boolean; capacity?: number } = {}): LogTail {
  const api = useApi();
  const capacity = options.capacity ?? MAX_TAIL_ENTRIES;
  const paused = options.paused ?? false;
  const [buffer, setBuffer] = useState(() => new LogBuffer(capacity));
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState<LogTail['status']>('loading');
  const [error, setError] = useState<string | null>(null);
  const [backfilling, setBackfilling] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const applyLive = useCallback((batch: LogEntry[]) => {
    if (buffer.append(batch) > 0) setVersion(buffer.version);
  }, [buffer]);
  const { push: pushLive, reset: resetLive, ready: liveReady, heldBack } = useFrameBatches(applyLive, paused, capacity);

  useEffect(() => {
    if (buffer.capacity !== capacity) setBuffer(new LogBuffer(capacity));
  }, [buffer, capacity]);

  useEffect(() => {
    let cancelled = false;
    let loadedFirstPage = false;
    resetLive();
    buffer.clear();
    setVersion(buffer.version);
    setStatus('loading');
    setError(null);
    setBackfilling(false);
    // Listen before querying: entries logged while the query is in flight are kept, and the
    // buffer drops the overlap by sequence number.
    const unsubscribe = api.on('log.entry', (entry) => {
      if (entry.serverId === serverId) pushLive(entry);
    });

    const backfill = async () => {
      // Each page asks for what came at or before the oldest held entry; the buffer keeps only the
      // strictly older ones, so entries sharing that millisecond are neither lost nor doubled.
      while (!cancelled && buffer.room > 0) {
        const held = buffer.entries;
        const oldest = held[0];
        if (!oldest) return;
        // Entries in the oldest entry's millisecond come back again (at or before `until`): ask for that many more.
        let sameTime = 0;
        while (held[sameTime]?.time === oldest.time) sameTime += 1;
        const limit = Math.min(Math.min(BACKFILL_PAGE, buffer.room) + sameTime, 100_000);
        const { entries } = await api.call('logs.query', { serverId, until: oldest.time, limit });
        if (cancelled) return;
        const added = buffer.prepend(entries);
        if (added > 0) setVersion(buffer.version);
        if (added === 0 || entries.length < limit) return;
      }
    };

    const load = async () => {
      try {
        const { entries } = await api.call('logs.query', { serverId, limit: Math.min(FIRST_PAGE, capacity) });
        if (cancelled) return;
        buffer.append(entries);
        setStatus('ready');
        setVersion(buffer.version);
        loadedFirstPage = true;
        liveReady();
        if (entries.length < Math.min(FIRST_PAGE, capacity)) return;
        setBackfilling(true);
        await backfill();
      } catch (failure) {
        if (cancelled) return;
        // Lines already shown stay; only a failed first page is an error state.
        if (!loadedFirstPage) {
          setStatus('error');
          setError(messageOf(failure));
        }
      } finally {
        if (!cancelled) setBackfilling(false);
      }
    };
    void load();
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [api, serverId, buffer, capacity, attempt, resetLive, pushLive, liveReady]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  return { status, error, buffer, version, heldBack, backfilling, retry };
}
