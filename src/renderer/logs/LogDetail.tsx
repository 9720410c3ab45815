import type { LogEntry } from '../../shared/contract';
import { Icon } from '../ui/Icon';

/** The selected line in full: rows are one line tall, so long messages and fields are read here. */
export function LogDetail({ entry, onCopy }: { entry: LogEntry | undefined; onCopy: (entry: LogEntry) => void }) {
  if (!entry) {
    return (
      <div className="log-detail log-detail-empty" data-testid="log-detail">
        Select a line (click, or ↑ ↓ in the list) to see it in full.
      </div>
    );
  }
  return (
    <div className="log-detail" data-testid="log-detail" aria-label="Selected log line">
      <div className="log-detail-meta">
        <span className={`log-level-pill log-level-${entry.level}`}>{entry.level}</span>
        <span>{entry.source}</span>
        <span title="Sequence number">#{entry.seq}</span>
        <time dateTime={entry.time}>{entry.time}</time>
        <span className="spacer" />
        <button type="button" className="btn btn-small btn-ghost" onClick={() => onCopy(entry)}>
          <Icon name="copy" size={14} />
          Copy line
        </button>
      </div>
      <pre className="log-detail-text" tabIndex={0}>
        {entry.message}
        {entry.fields && Object.keys(entry.fields).length > 0 ? `\n\n${JSON.stringify(entry.fields, null, 2)}` : ''}
      </pre>
    </div>
  );
}
