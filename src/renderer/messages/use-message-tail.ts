import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../../shared/error-message';
import { messageFilter, type MessageBufferStats, type MessageFilters, type MessageSummary } from '../../shared/messages-contract';
import { useApi } from '../app/api-context';
import { useFrameBatches } from '../hooks/use-frame-batches';
import { LogBuffer } from '../logs/log-buffer';

/** The most messages the tab holds; the manager's buffer may hold more, reachable by filtering. */
const MAX_TAIL_MESSAGES = 50_000;
/** The buffer's size is asked for again at most this often while messages stream in. */
const STATS_EVERY_MS = 1_000;

export interface MessageTail {
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  buffer: LogBuffer<MessageSummary>;
  /** Changes whenever the buffer's contents do. */
  version: number;
  /** Messages that arrived while paused, shown on resume. */
  heldBack: number;
  stats: MessageBufferStats | null;
  sessions: readonly string[];
  retry: () => void;
}

/**
 * A server's messages that pass the filters: the newest from messages.query, then each
 * `messages.entry` as it crosses the wire, applied at most once per frame and held back while paused.
 */
export function useMessageTail(serverId: string, filters: MessageFilters, paused: boolean): MessageTail {
  const api = useApi();
  const [buffer] = useState(() => new LogBuffer<MessageSummary>(MAX_TAIL_MESSAGES));
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState<MessageTail['status']>('loading');
  const [error, setError] = useState<string | null>(null);
  const [stats, setStats] = useState<MessageBufferStats | null>(null);
  const [sessions, setSessions] = useState<readonly string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const statsDue = useRef(0);
  const { method, direction, session, callId } = filters;

  const refreshStats = useCallback(() => {
    const now = Date.now();
    if (now < statsDue.current) return;
    statsDue.current = now + STATS_EVERY_MS;
    window.setTimeout(() => {
      api.call('messages.query', { serverId, limit: 1 }).then(
        (answer) => {
          setStats(answer.stats);
          setSessions(answer.sessions);
        },
        () => {},
      );
    }, STATS_EVERY_MS);
  }, [api, serverId]);

  const applyLive = useCallback(
    (batch: MessageSummary[]) => {
      if (buffer.append(batch) > 0) setVersion(buffer.version);
    },
    [buffer],
  );
  const { push: pushLive, reset: resetLive, ready: liveReady, heldBack } = useFrameBatches(applyLive, paused, MAX_TAIL_MESSAGES);

  useEffect(() => {
    let cancelled = false;
    const current: MessageFilters = definedOnly({ method, direction, session, callId });
    const passes = messageFilter(current);
    resetLive();
    buffer.clear();
    setVersion(buffer.version);
    setStatus('loading');
    setError(null);
    // Listen before querying: messages that cross while the query is in flight are kept, and the buffer drops the overlap by seq.
    const unsubscribe = api.on('messages.entry', (summary) => {
      if (summary.serverId !== serverId) return;
      refreshStats();
      if (passes(summary)) pushLive(summary);
    });
    api.call('messages.query', { serverId, limit: MAX_TAIL_MESSAGES, filters: current }).then(
      (answer) => {
        if (cancelled) return;
        buffer.append(answer.messages);
        setStats(answer.stats);
        setSessions(answer.sessions);
        setStatus('ready');
        setVersion(buffer.version);
        liveReady();
      },
      (failure: unknown) => {
        if (cancelled) return;
        setStatus('error');
        setError(messageOf(failure));
      },
    );
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [api, serverId, buffer, method, direction, session, callId, attempt, resetLive, pushLive, liveReady, refreshStats]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  return { status, error, buffer, version, heldBack, stats, sessions, retry };
}

/** Empty filter fields left out: an empty method box filters nothing. */
function definedOnly(filters: MessageFilters): MessageFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== '')) as MessageFilters;
}
