import { useEffect, useState } from 'react';
import type { CallProgress } from '../tools/tool-call-runner';

function useElapsedSeconds(since: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, (now - since) / 1000);
}

/** A call under way: a bar when the server says how far along it is, else a spinner; always the time so far. */
export function CallProgressView({ progress, startedAt, cancelling }: { progress: CallProgress | null; startedAt: number; cancelling: boolean }) {
  const elapsed = useElapsedSeconds(startedAt);
  const total = progress?.total;
  const known = progress !== null && total !== undefined && total > 0;
  const percent = known ? Math.min(100, Math.round((progress.progress / total) * 100)) : null;
  const label = cancelling ? 'Cancelling…' : (progress?.message ?? 'Running…');
  return (
    <div className="pg-progress" role="status" aria-live="polite" data-testid="call-progress">
      {known ? (
        <progress className="pg-progress-bar" max={total} value={progress.progress} aria-label="Progress">
          {percent}%
        </progress>
      ) : (
        <span className="pg-spinner" aria-hidden="true" />
      )}
      <span className="pg-progress-text">{label}</span>
      {/* Without a total the count only adds something when the server sent no message. */}
      {progress && (known || progress.message === undefined) ? (
        <span className="pg-progress-count numeric">{known ? `${progress.progress} / ${total} (${percent}%)` : progress.progress}</span>
      ) : null}
      <span className="pg-progress-time numeric">{elapsed.toFixed(1)} s</span>
    </div>
  );
}
