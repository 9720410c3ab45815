import { memo, useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { MessageSummary } from '../../shared/messages-contract';
import { firstIndexAfter } from '../logs/log-filter';
import { useElementHeight } from '../hooks/use-element-height';
import { isAtBottom, keyTarget, pageSize, rowsBySlot, rowWindow, scrollTopToReveal } from '../logs/log-window';
import { formatBytes, formatClockTime, formatLatency } from '../ui/format';

/** The log's row height (--log-row-height): the windowing maths depends on every row having it. */
const ROW_HEIGHT = 22;
const OVERSCAN = 12;

interface MessageListProps {
  messages: readonly MessageSummary[];
  /** Changes whenever `messages` (a reused array) changes. */
  version: number;
  selectedSeq: number | null;
  onSelect: (seq: number | null) => void;
  label: string;
}

const ARROWS = { 'to-server': '→', 'from-server': '←' } as const;
const DIRECTION_WORDS = { 'to-server': 'to the server', 'from-server': 'from the server' } as const;

/** One message of fixed height; memoised so scrolling re-renders only the rows whose message changed. */
const MessageRow = memo(function MessageRow({ message, position, top, selected, onSelect }: { message: MessageSummary; position: number; top: number; selected: boolean; onSelect: (seq: number) => void }) {
  return (
    <div
      className={`log-row msg-row msg-${message.kind}${selected ? ' log-row-selected' : ''}`}
      style={{ height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
      role="row"
      aria-rowindex={position}
      aria-selected={selected}
      id={`msg-row-${message.seq}`}
      data-seq={message.seq}
      data-testid="message-row"
      onMouseDown={() => onSelect(message.seq)}
    >
      <span className="log-time" role="gridcell">
        {formatClockTime(message.time)}
      </span>
      <span className={`msg-direction msg-${message.direction}`} role="gridcell" title={DIRECTION_WORDS[message.direction]} data-testid="message-direction">
        {ARROWS[message.direction]}
      </span>
      <span className="msg-session" role="gridcell" title={message.session ?? undefined}>
        {message.session ?? '—'}
      </span>
      <span className="msg-method" role="gridcell" data-testid="message-method">
        {message.method ?? '—'}
        {message.kind === 'response' || message.kind === 'error' ? <span className="msg-kind"> {message.kind}</span> : null}
      </span>
      <span className="msg-id numeric" role="gridcell">
        {message.id === null ? '' : String(message.id)}
      </span>
      <span className="msg-size numeric" role="gridcell">
        {formatBytes(message.bytes)}
      </span>
      <span className="msg-latency numeric" role="gridcell">
        {message.latencyMs === null ? '' : formatLatency(message.latencyMs)}
      </span>
    </div>
  );
});

/** The virtualised message list: only the rows in view are in the DOM; it follows the newest while scrolled to the bottom. */
export function MessageList({ messages, version, selectedSeq, onSelect, label }: MessageListProps) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const viewportHeight = useElementHeight(viewport);
  const following = useRef(true);
  const count = messages.length;
  const { start, end, totalHeight } = rowWindow({ scrollTop, viewportHeight, rowHeight: ROW_HEIGHT, rowCount: count, overscan: OVERSCAN });
  const candidate = selectedSeq === null ? -1 : firstIndexAfter(messages, selectedSeq - 1);
  const selectedIndex = messages[candidate]?.seq === selectedSeq ? candidate : -1;

  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return;
    if (following.current) element.scrollTop = element.scrollHeight;
    setScrollTop(element.scrollTop);
  }, [messages, version, count]);

  // Read from state, not the DOM: reading layout here would force one on every scroll event.
  const heights = useRef({ viewport: 0, total: 0 });
  heights.current = { viewport: viewportHeight, total: totalHeight };

  const onScroll = useCallback(() => {
    const element = viewport.current;
    if (!element) return;
    following.current = isAtBottom(element.scrollTop, heights.current.viewport, heights.current.total, ROW_HEIGHT);
    setScrollTop(element.scrollTop);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (count === 0) return;
    if (event.key === 'Escape') return onSelect(null);
    const target = keyTarget(event.key, selectedIndex, { start, end }, count, pageSize(viewportHeight, ROW_HEIGHT));
    if (target === undefined) return;
    event.preventDefault();
    const index = Math.min(count - 1, Math.max(0, target));
    const message = messages[index];
    if (!message) return;
    onSelect(message.seq);
    const element = viewport.current;
    if (element) element.scrollTop = scrollTopToReveal(index, element.scrollTop, element.clientHeight, ROW_HEIGHT);
  };

  const rows = rowsBySlot(start, end).map((index, slot) => {
    const message = messages[index];
    return message ? <MessageRow key={slot} message={message} position={index + 1} top={index * ROW_HEIGHT} selected={message.seq === selectedSeq} onSelect={onSelect} /> : null;
  });

  return (
    <div className="msg-table">
      <div className="log-row msg-header" aria-hidden="true">
        <span className="log-time">Time</span>
        <span className="msg-direction" />
        <span className="msg-session">Session</span>
        <span className="msg-method">Method</span>
        <span className="msg-id numeric">Id</span>
        <span className="msg-size numeric">Size</span>
        <span className="msg-latency numeric">Latency</span>
      </div>
      <div className="log-list-wrap">
      <div
        ref={viewport}
        className="log-list msg-list"
        role="grid"
        aria-label={label}
        aria-rowcount={count}
        aria-activedescendant={selectedIndex >= start && selectedIndex < end ? `msg-row-${selectedSeq}` : undefined}
        tabIndex={0}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
        data-testid="message-list"
      >
        <div className="log-spacer" style={{ height: totalHeight }}>
          {rows}
        </div>
      </div>
      </div>
    </div>
  );
}
