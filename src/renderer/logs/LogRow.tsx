import { memo } from 'react';
import { callClientOf } from '../../shared/call-client';
import type { LogEntry } from '../../shared/contract';
import { formatClockTime } from '../ui/format';

interface LogRowProps {
  entry: LogEntry;
  /** 1-based position among the filtered rows, for aria-rowindex. */
  position: number;
  /** Offset from the top of the list; rows are placed absolutely so they can be reused in any order. */
  top: number;
  selected: boolean;
  height: number;
  onSelect: (seq: number) => void;
}

function fieldsText(entry: LogEntry): string {
  if (!entry.fields) return '';
  const keys = Object.keys(entry.fields);
  if (keys.length === 0) return '';
  // One line only: the detail pane shows the fields in full.
  return JSON.stringify(entry.fields).slice(0, 300);
}

/** One log line of fixed height; memoised so scrolling re-renders only the rows whose line changed. */
export const LogRow = memo(function LogRow({ entry, position, top, selected, height, onSelect }: LogRowProps) {
  const client = callClientOf(entry);
  return (
    <div
      className={selected ? `log-row log-level-${entry.level} log-row-selected` : `log-row log-level-${entry.level}`}
      style={{ height, transform: `translateY(${top}px)` }}
      role="row"
      aria-rowindex={position}
      aria-selected={selected}
      id={`log-row-${entry.seq}`}
      data-seq={entry.seq}
      onMouseDown={() => onSelect(entry.seq)}
    >
      <span className="log-time" role="gridcell">
        {formatClockTime(entry.time)}
      </span>
      <span className="log-level" role="gridcell">
        {entry.level}
      </span>
      <span className="log-source" role="gridcell">
        {entry.source}
      </span>
      <span className="log-message" role="gridcell">
        {client === undefined ? null : (
          <span className="log-client" title={`Called by ${client}`} data-testid="log-row-client">
            {client}
          </span>
        )}
        {entry.message}
        <span className="log-fields"> {fieldsText(entry)}</span>
      </span>
    </div>
  );
});
