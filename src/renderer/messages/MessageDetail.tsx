import { useEffect, useState } from 'react';
import { messageOf } from '../../shared/error-message';
import type { MessageDetail as Detail, MessageSummary } from '../../shared/messages-contract';
import { useApi } from '../app/api-context';
import { CopyButton } from '../playground/results/CopyButton';
import { formatBytes, formatLatency } from '../ui/format';

type Loaded = { seq: number; detail: Detail } | { seq: number; error: string };

/** The JSON as sent, indented; text that is not JSON (a note that it was not kept) as it is. */
function pretty(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

/** The selected message in full, fetched when chosen (summaries carry no JSON), _meta and all. */
export function MessageDetail({ serverId, message }: { serverId: string; message: MessageSummary | undefined }) {
  const api = useApi();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const seq = message?.seq;

  useEffect(() => {
    if (seq === undefined) return;
    let cancelled = false;
    api.call('messages.get', { serverId, seq }).then(
      (detail) => !cancelled && setLoaded({ seq, detail }),
      (error: unknown) => !cancelled && setLoaded({ seq, error: messageOf(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [api, serverId, seq]);

  if (!message) {
    return (
      <div className="log-detail log-detail-empty" data-testid="message-detail">
        Select a message (click, or ↑ ↓ in the list) to see its JSON.
      </div>
    );
  }
  const current = loaded?.seq === message.seq ? loaded : null;
  const text = current && 'detail' in current ? pretty(current.detail.json) : null;
  return (
    <div className="log-detail msg-detail" data-testid="message-detail" aria-label="Selected message">
      <div className="log-detail-meta">
        <span>{message.direction === 'to-server' ? 'To the server' : 'From the server'}</span>
        <span>{message.kind}</span>
        <span>{message.session ?? 'no one session'}</span>
        <span title="Sequence number">#{message.seq}</span>
        <span>{formatBytes(message.bytes)}</span>
        {message.latencyMs !== null ? <span>answered in {formatLatency(message.latencyMs)}</span> : null}
        <time dateTime={message.time}>{message.time}</time>
        <span className="spacer" />
        {text !== null ? <CopyButton text={text} label="Copy JSON" /> : null}
      </div>
      <pre className="log-detail-text msg-json" tabIndex={0} data-testid="message-json">
        {current === null ? 'Loading…' : 'error' in current ? current.error : text}
      </pre>
    </div>
  );
}
