import { useDeferredValue, useState } from 'react';
import { MessageDirectionSchema, type MessageBufferStats, type MessageDirection, type MessageSummary } from '../../shared/messages-contract';
import { routeHref } from '../app/route';
import { firstIndexAfter } from '../logs/log-filter';
import { Icon } from '../ui/Icon';
import { EmptyState, ErrorState } from '../ui/StatusStates';
import { formatBytes } from '../ui/format';
import { MessageDetail } from './MessageDetail';
import { MessageList } from './MessageList';
import { useMessageTail } from './use-message-tail';

const DIRECTION_CHOICES: Record<MessageDirection | '', string> = { '': 'Both directions', 'to-server': '→ To the server', 'from-server': '← From the server' };

function bufferText(stats: MessageBufferStats): string {
  const dropped = stats.dropped > 0 ? `, ${stats.dropped.toLocaleString('en-US')} older dropped` : '';
  return `Buffer ${formatBytes(stats.bytesUsed)} of ${formatBytes(stats.maxBytes)}, ${stats.count.toLocaleString('en-US')} messages${dropped}`;
}

/** Every JSON-RPC message on a server's wire, both ways; `callId` shows one playground call's messages alone. */
export function MessagesTab({ serverId, callId }: { serverId: string; callId: string | undefined }) {
  const [method, setMethod] = useState('');
  const [direction, setDirection] = useState<MessageDirection | ''>('');
  const [session, setSession] = useState('');
  const [paused, setPaused] = useState(false);
  const [selectedSeq, setSelectedSeq] = useState<number | null>(null);
  // Typing stays responsive; the query catches up a moment later.
  const deferredMethod = useDeferredValue(method);
  const tail = useMessageTail(
    serverId,
    { method: deferredMethod || undefined, direction: direction || undefined, session: session || undefined, callId },
    paused,
  );
  const messages = tail.buffer.entries;
  const candidate = selectedSeq === null ? -1 : firstIndexAfter(messages, selectedSeq - 1);
  const selected: MessageSummary | undefined = messages[candidate]?.seq === selectedSeq ? messages[candidate] : undefined;
  const sessions = session && !tail.sessions.includes(session) ? [...tail.sessions, session] : tail.sessions;

  let body;
  if (tail.status === 'error') {
    body = (
      <ErrorState title="Could not load the messages" action={<button type="button" className="btn" onClick={tail.retry}>Try again</button>}>
        {tail.error}
      </ErrorState>
    );
  } else if (tail.status === 'ready' && messages.length === 0) {
    const filtered = method !== '' || direction !== '' || session !== '' || callId !== undefined;
    body = filtered ? (
      <EmptyState title="No messages match">The filters hide every message in the buffer; new ones that match appear as they cross.</EmptyState>
    ) : (
      <EmptyState title="No messages yet">Start the server, or call a tool, and every JSON-RPC message to and from it appears here.</EmptyState>
    );
  }

  return (
    <div className="log-view" data-testid="messages-view" aria-busy={tail.status === 'loading'}>
      <div className="log-toolbar" role="toolbar" aria-label="Message filters">
        <div className="search-box">
          <Icon name="search" size={14} />
          <input type="search" className="input msg-filter" placeholder="Method" aria-label="Filter by method" value={method} onChange={(event) => setMethod(event.target.value)} data-testid="message-method-filter" />
        </div>
        <select className="input select" aria-label="Direction" value={direction} onChange={(event) => setDirection(event.target.value === '' ? '' : MessageDirectionSchema.parse(event.target.value))} data-testid="message-direction-filter">
          {Object.entries(DIRECTION_CHOICES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <select className="input select" aria-label="Session" value={session} onChange={(event) => setSession(event.target.value)} data-testid="message-session-filter">
          <option value="">Every session</option>
          {sessions.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        {callId !== undefined ? (
          <span className="msg-call-filter tag" data-testid="message-call-filter">
            Call {callId}
            <a href={routeHref({ page: 'server', serverId, tab: 'messages' })} aria-label="Show every call's messages" title="Show every call's messages">
              <Icon name="close" size={12} />
            </a>
          </span>
        ) : null}
        <span className="log-count" data-testid="message-count">
          {messages.length.toLocaleString('en-US')} {messages.length === 1 ? 'message' : 'messages'}
        </span>
        <span className="spacer" />
        {tail.stats ? (
          <span className="msg-buffer" data-testid="message-buffer" title="What the manager keeps of this server's messages in memory (Settings > Messages kept per server)">
            {bufferText(tail.stats)}
          </span>
        ) : null}
        <button type="button" className={paused ? 'btn btn-small btn-active' : 'btn btn-small'} aria-pressed={paused} onClick={() => setPaused((value) => !value)} data-testid="message-pause">
          <Icon name={paused ? 'play' : 'pause'} size={14} />
          {paused ? `Resume${tail.heldBack > 0 ? ` (${tail.heldBack.toLocaleString('en-US')} new)` : ''}` : 'Pause'}
        </button>
      </div>
      <div className="log-body">
        {body ?? <MessageList messages={messages} version={tail.version} selectedSeq={selectedSeq} onSelect={setSelectedSeq} label={`Messages of ${serverId}`} />}
      </div>
      <MessageDetail serverId={serverId} message={selected} />
    </div>
  );
}
