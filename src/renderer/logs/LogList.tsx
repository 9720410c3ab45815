import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { LogEntry } from '../../shared/contract';
import { Icon } from '../ui/Icon';
import { firstIndexAfter } from './log-filter';
import { useElementHeight } from '../hooks/use-element-height';
import { isAtBottom, keyTarget, pageSize, rowsBySlot, rowWindow, scrollTopToReveal } from './log-window';
import { LogRow } from './LogRow';

/** Must match --log-row-height in theme.css; the windowing maths depends on every row having it. */
const LOG_ROW_HEIGHT = 22;
const OVERSCAN = 12;

interface LogListProps {
  entries: readonly LogEntry[];
  /** Changes whenever `entries` (a reused array) changes. */
  version: number;
  selectedSeq: number | null;
  onSelect: (seq: number | null) => void;
  label: string;
}

/**
 * The virtualised log: only the rows in view (plus a margin) are in the DOM. It follows the tail
 * while scrolled to the bottom and holds still otherwise, even as old lines drop off the top.
 */
export function LogList({ entries, version, selectedSeq, onSelect, label }: LogListProps) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const viewportHeight = useElementHeight(viewport);
  const following = useRef(true);
  const [showJump, setShowJump] = useState(false);
  // The first visible entry and how far into it we are, to keep the view still when the top drops.
  const anchor = useRef<{ seq: number; offset: number } | null>(null);

  const count = entries.length;
  const candidate = selectedSeq === null ? -1 : firstIndexAfter(entries, selectedSeq - 1);
  // The selected entry may be filtered out; then nothing in the list is selected.
  const selectedIndex = entries[candidate]?.seq === selectedSeq ? candidate : -1;
  const { start, end, totalHeight } = rowWindow({ scrollTop, viewportHeight, rowHeight: LOG_ROW_HEIGHT, rowCount: count, overscan: OVERSCAN });

  // After new entries: stick to the bottom when following, otherwise keep the anchor row in place.
  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return;
    if (following.current) {
      element.scrollTop = element.scrollHeight;
    } else if (anchor.current) {
      const index = firstIndexAfter(entries, anchor.current.seq - 1);
      const target = index * LOG_ROW_HEIGHT + anchor.current.offset;
      if (Math.abs(target - element.scrollTop) >= 1) element.scrollTop = target;
    }
    setScrollTop(element.scrollTop);
  }, [entries, version, count]);

  // Heights come from state and arithmetic, not from the DOM: reading scrollHeight or clientHeight
  // here would force a layout on every scroll event.
  const heights = useRef({ viewport: 0, total: 0 });
  heights.current = { viewport: viewportHeight, total: totalHeight };

  const onScroll = useCallback(() => {
    const element = viewport.current;
    if (!element) return;
    const top = element.scrollTop;
    following.current = isAtBottom(top, heights.current.viewport, heights.current.total, LOG_ROW_HEIGHT);
    setShowJump(!following.current);
    const index = Math.floor(top / LOG_ROW_HEIGHT);
    const entry = entries[index];
    anchor.current = entry ? { seq: entry.seq, offset: top - index * LOG_ROW_HEIGHT } : null;
    setScrollTop(top);
  }, [entries]);

  const scrollToIndex = (index: number) => {
    const element = viewport.current;
    if (!element) return;
    element.scrollTop = scrollTopToReveal(index, element.scrollTop, element.clientHeight, LOG_ROW_HEIGHT);
  };

  const jumpToLatest = () => {
    following.current = true;
    setShowJump(false);
    const element = viewport.current;
    if (element) element.scrollTop = element.scrollHeight;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (count === 0) return;
    const current = selectedIndex;
    const page = pageSize(viewportHeight, LOG_ROW_HEIGHT);
    if (event.key === 'Escape' && selectedSeq !== null) {
      onSelect(null);
      return;
    }
    const target = keyTarget(event.key, current, { start, end }, count, page);
    if (target === undefined) return;
    event.preventDefault();
    const index = Math.min(count - 1, Math.max(0, target));
    const entry = entries[index];
    if (!entry) return;
    onSelect(entry.seq);
    if (event.key === 'End') jumpToLatest();
    else scrollToIndex(index);
  };

  const rows = rowsBySlot(start, end).map((index, slot) => {
    const entry = entries[index];
    return entry ? <LogRow key={slot} entry={entry} position={index + 1} top={index * LOG_ROW_HEIGHT} selected={entry.seq === selectedSeq} height={LOG_ROW_HEIGHT} onSelect={onSelect} /> : null;
  });

  return (
    <div className="log-list-wrap">
      <div
        ref={viewport}
        className="log-list"
        role="grid"
        aria-label={label}
        aria-rowcount={count}
        aria-activedescendant={selectedIndex >= start && selectedIndex < end ? `log-row-${selectedSeq}` : undefined}
        tabIndex={0}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
        data-testid="log-list"
      >
        <div className="log-spacer" style={{ height: totalHeight }}>
          {rows}
        </div>
      </div>
      {showJump && count > 0 ? (
        <button type="button" className="btn btn-small log-jump" onClick={jumpToLatest} data-testid="log-jump-latest">
          <Icon name="arrowDown" size={14} />
          Latest
        </button>
      ) : null}
    </div>
  );
}
