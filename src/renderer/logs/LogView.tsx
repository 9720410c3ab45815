import { useDeferredValue, useMemo, useRef, useState } from 'react';
import type { LogEntry, LogLevel } from '../../shared/contract';
import { messageOf } from '../../shared/error-message';
import { useLogTail } from './use-log-tail';
import { useShortcut } from '../hooks/use-shortcut';
import { useNotify } from '../ui/NoticesProvider';
import { EmptyState, ErrorState } from '../ui/StatusStates';
import { downloadText } from '../ui/download';
import { exportFileName, toJsonLines, toPlainText } from './log-export';
import { SeenClients } from './log-clients';
import { FilteredLog, firstIndexAfter } from './log-filter';
import { LogDetail } from './LogDetail';
import { LogList } from './LogList';
import { LogStorageNote } from './LogStorageNote';
import { LogToolbar } from './LogToolbar';
import { ServerLogLevelControl } from './ServerLogLevelControl';

/** A server's live log: filter, search, pause, copy, export; smooth at 100,000 lines. */
export function LogView({ serverId }: { serverId: string }) {
  const notify = useNotify();
  const [paused, setPaused] = useState(false);
  const [minLevel, setMinLevel] = useState<LogLevel>('trace');
  const [text, setText] = useState('');
  const [client, setClient] = useState('');
  // Typing stays responsive; the filter over many lines catches up a moment later.
  const deferredText = useDeferredValue(text);
  const [selectedSeq, setSelectedSeq] = useState<number | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const filteredLog = useRef(new FilteredLog());
  const seenClients = useRef(new SeenClients());
  const revision = useRef(0);
  const tail = useLogTail(serverId, { paused });

  const { entries, version } = useMemo(() => {
    // FilteredLog returns the same array, updated in place; the revision tells LogList it changed.
    revision.current += 1;
    return { entries: filteredLog.current.update(tail.buffer.entries, { minLevel, text: deferredText, client }), version: revision.current };
    // tail.version stands for the buffer's contents, which change in place.
  }, [tail.buffer, tail.version, minLevel, deferredText, client]);
  // The clients whose calls are in the buffer, for the client filter.
  const clients = useMemo(() => seenClients.current.update(tail.buffer.entries), [tail.buffer, tail.version]);

  useShortcut('/', () => searchRef.current?.focus());

  const selected: LogEntry | undefined = selectedSeq === null ? undefined : entries[firstIndexAfter(entries, selectedSeq - 1)];
  const selectedEntry = selected?.seq === selectedSeq ? selected : undefined;

  const copy = async (lines: readonly LogEntry[]) => {
    try {
      await navigator.clipboard.writeText(toPlainText(lines));
      notify({ kind: 'success', message: `Copied ${lines.length.toLocaleString('en-US')} ${lines.length === 1 ? 'line' : 'lines'}.` });
    } catch (error) {
      notify({ kind: 'error', message: `Could not copy to the clipboard: ${messageOf(error)}` });
    }
  };

  const total = tail.buffer.entries.length;
  let body;
  if (tail.status === 'error') {
    body = (
      <ErrorState title="Could not load the log" action={<button type="button" className="btn" onClick={tail.retry}>Try again</button>}>
        {tail.error}
      </ErrorState>
    );
  } else if (tail.status === 'ready' && total === 0) {
    body = <EmptyState title="Nothing logged yet">Start the server, and its lifecycle, stderr and calls appear here as they happen.</EmptyState>;
  } else if (tail.status === 'ready' && entries.length === 0) {
    body = (
      <EmptyState
        title="No lines match"
        action={
          <button type="button" className="btn" onClick={() => { setText(''); setMinLevel('trace'); setClient(''); }}>
            Clear the filter
          </button>
        }
      >
        {total.toLocaleString('en-US')} lines are hidden by the level filter, the client filter or the search.
      </EmptyState>
    );
  }

  return (
    <div className="log-view" data-testid="log-view" aria-busy={tail.status === 'loading'}>
      <LogToolbar
        minLevel={minLevel}
        onMinLevel={setMinLevel}
        text={text}
        onText={setText}
        client={client}
        clients={clients}
        onClient={setClient}
        searchRef={searchRef}
        paused={paused}
        heldBack={tail.heldBack}
        onTogglePause={() => setPaused((value) => !value)}
        shown={entries.length}
        total={total}
        loadingOlder={tail.backfilling}
        onCopy={() => void copy(entries)}
        onExport={() => downloadText(exportFileName(serverId, new Date()), toJsonLines(entries), 'application/x-ndjson')}
        serverControls={<ServerLogLevelControl serverId={serverId} />}
      />
      <LogStorageNote serverId={serverId} viewCapacity={tail.buffer.capacity} />
      <div className="log-body">
        {body ?? <LogList entries={entries} version={version} selectedSeq={selectedSeq} onSelect={setSelectedSeq} label={`Log of ${serverId}`} />}
      </div>
      <LogDetail entry={selectedEntry} onCopy={(entry) => void copy([entry])} />
    </div>
  );
}
