import { formatClockTime, formatLatency } from '../../ui/format';
import { CopyButton } from '../results/CopyButton';
import type { CallHistoryEntry } from './call-history';
import { callAsCommand, callAsJsonRpc } from './call-copies';

interface CallHistoryListProps {
  serverId: string;
  toolName: string;
  entries: readonly CallHistoryEntry[];
  onLoad: (entry: CallHistoryEntry) => void;
  onRerun: (entry: CallHistoryEntry) => void;
  onClear: () => void;
  running: boolean;
}

function outcomeLabel(entry: CallHistoryEntry): string {
  if (entry.outcome === 'ok') return 'ok';
  if (entry.outcome === 'error') return 'tool error';
  return entry.errorCode ?? 'failed';
}

function argumentPreview(args: Record<string, unknown>): string {
  const text = JSON.stringify(args);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

function dateLabel(iso: string): string {
  const date = new Date(iso);
  const today = new Date();
  const sameDay = date.toDateString() === today.toDateString();
  const time = formatClockTime(iso).slice(0, 8);
  return sameDay ? time : `${date.toLocaleDateString()} ${time}`;
}

/** The last calls of this tool, newest first; each can be loaded into the form, run again, or copied to run elsewhere. */
export function CallHistoryList({ serverId, toolName, entries, onLoad, onRerun, onClear, running }: CallHistoryListProps) {
  return (
    <details className="pg-history" data-testid="call-history">
      <summary>
        History <span className="tab-count">{entries.length}</span>
      </summary>
      {entries.length === 0 ? (
        <p className="muted pg-history-empty">Calls you run appear here, with their arguments, so you can run them again.</p>
      ) : (
        <>
          <ol className="pg-history-list">
            {entries.map((entry) => (
              <li key={entry.id} className="pg-history-entry" data-testid="history-entry" data-outcome={entry.outcome}>
                <time className="numeric muted" dateTime={entry.at} title={new Date(entry.at).toLocaleString()}>
                  {dateLabel(entry.at)}
                </time>
                <span className={`pg-outcome pg-outcome-${entry.outcome}`}>{outcomeLabel(entry)}</span>
                <span className="numeric muted">{entry.durationMs === null ? '' : formatLatency(entry.durationMs)}</span>
                <span className="pg-history-main">
                  <code className="pg-history-args" title={JSON.stringify(entry.arguments, null, 2)}>
                    {argumentPreview(entry.arguments)}
                  </code>
                  <span className="pg-history-summary" title={entry.summary}>
                    {entry.summary}
                  </span>
                </span>
                <span className="pg-history-actions">
                  <button type="button" className="btn btn-small btn-ghost" onClick={() => onLoad(entry)} data-testid="history-load">
                    Load
                  </button>
                  <button type="button" className="btn btn-small" onClick={() => onRerun(entry)} disabled={running} data-testid="history-rerun">
                    Re-run
                  </button>
                  <CopyButton text={callAsCommand(serverId, toolName, entry.arguments)} label="Copy as mcp-tray call" testId="history-copy-command" />
                  <CopyButton text={callAsJsonRpc(toolName, entry.arguments)} label="Copy as JSON-RPC" testId="history-copy-jsonrpc" />
                </span>
              </li>
            ))}
          </ol>
          <button type="button" className="btn btn-ghost btn-small" onClick={onClear}>
            Clear history
          </button>
        </>
      )}
    </details>
  );
}
