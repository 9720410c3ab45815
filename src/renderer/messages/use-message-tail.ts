import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../../shared/error-message';
import { followMessages } from '../../shared/message-follow';
import { type MessageBufferStats, type MessageFilters, type MessageSummary } from '../../shared/messages-contract';
import { useApi } from '../app/api-context';
import { useFrameBatches } from '../hooks/use-frame-batches';
import { LogBuffer } from '../logs/log-buffer';

/** The most messages the tab holds; the manager's buffer may hold more, reachable by filtering. */
const MAX_TAIL_MESSAGES = 50_000;

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
 * A server's messages that pass the filters: the newest from messages.query, then on each
 * `messages.appended` notice the ones after them, applied at most once per frame and held back while paused.
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
  const { method, direction, session, callId } = filters;

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
    resetLive();
    buffer.clear();
    setVersion(buffer.version);
    setStatus('loading');
    setError(null);
    const follower = followMessages({
      query: (afterSeq, limit) => api.call('messages.query', { serverId, afterSeq, limit, filters: current }),
      limit: MAX_TAIL_MESSAGES,
      onAnswer: (answer) => {
        setStats(answer.stats);
        setSessions(answer.sessions);
        for (const summary of answer.messages) pushLive(summary);
      },
    });
    // Listen before querying: a notice that comes while the query is in flight is followed up once it is in.
    const unsubscribe = api.on('messages.appended', (notice) => {
      if (notice.serverId === serverId) follower.notice(notice.lastSeq);
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
        follower.start(answer.lastSeq);
      },
      (failure: unknown) => {
        if (cancelled) return;
        setStatus('error');
        setError(messageOf(failure));
      },
    );
    return () => {
      cancelled = true;
      follower.stop();
      unsubscribe();
    };
  }, [api, serverId, buffer, method, direction, session, callId, attempt, resetLive, pushLive, liveReady]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  return { status, error, buffer, version, heldBack, stats, sessions, retry };
}

/** Empty filter fields left out: an empty method box filters nothing. */
function definedOnly(filters: MessageFilters): MessageFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== '')) as MessageFilters;
}
