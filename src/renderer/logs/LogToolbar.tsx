import type { ReactNode, RefObject } from 'react';
import { LogLevelSchema, type LogLevel } from '../../shared/contract';
import { Icon } from '../ui/Icon';
import { ClientFilter } from './ClientFilter';

const LEVEL_CHOICES: Record<LogLevel, string> = {
  trace: 'All levels',
  debug: 'Debug and above',
  info: 'Info and above',
  warn: 'Warnings and errors',
  error: 'Errors only',
  fatal: 'Fatal only',
};

interface LogToolbarProps {
  minLevel: LogLevel;
  onMinLevel: (level: LogLevel) => void;
  text: string;
  onText: (text: string) => void;
  /** The client whose calls are shown; empty for every line. */
  client: string;
  /** The clients whose calls are in the log. */
  clients: readonly string[];
  onClient: (client: string) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  paused: boolean;
  heldBack: number;
  onTogglePause: () => void;
  shown: number;
  total: number;
  /** Older lines are still arriving behind the ones shown. */
  loadingOlder: boolean;
  onCopy: () => void;
  onExport: () => void;
  /** Controls of the server itself (the level it logs at), after the filters. */
  serverControls?: ReactNode;
}

export function LogToolbar(props: LogToolbarProps) {
  const { minLevel, onMinLevel, text, onText, client, clients, onClient, searchRef, paused, heldBack, onTogglePause, shown, total, loadingOlder, onCopy, onExport, serverControls } = props;
  const filtered = shown !== total;
  return (
    <div className="log-toolbar" role="toolbar" aria-label="Log controls">
      <label className="visually-hidden" htmlFor="log-level">
        Level
      </label>
      <select id="log-level" className="input select" value={minLevel} onChange={(event) => onMinLevel(LogLevelSchema.parse(event.target.value))} data-testid="log-level">
        {LogLevelSchema.options.map((level) => (
          <option key={level} value={level}>
            {LEVEL_CHOICES[level]}
          </option>
        ))}
      </select>
      <ClientFilter client={client} clients={clients} onClient={onClient} />
      <div className="search-box">
        <Icon name="search" size={14} />
        <input
          ref={searchRef}
          type="search"
          className="input"
          placeholder="Search messages and fields  ( / )"
          aria-label="Search the log"
          aria-keyshortcuts="/"
          value={text}
          onChange={(event) => onText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && text !== '') {
              event.preventDefault();
              onText('');
            }
          }}
          data-testid="log-search"
        />
      </div>
      <span className="log-count" aria-live="off" data-testid="log-count">
        {filtered ? `${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}` : total.toLocaleString('en-US')} {total === 1 ? 'line' : 'lines'}
        {loadingOlder ? <span className="log-count-loading"> · loading older…</span> : null}
      </span>
      <span className="spacer" />
      {serverControls}
      <button type="button" className={paused ? 'btn btn-small btn-active' : 'btn btn-small'} aria-pressed={paused} onClick={onTogglePause} data-testid="log-pause">
        <Icon name={paused ? 'play' : 'pause'} size={14} />
        {paused ? `Resume${heldBack > 0 ? ` (${heldBack.toLocaleString('en-US')} new)` : ''}` : 'Pause'}
      </button>
      <button type="button" className="btn btn-small" onClick={onCopy} disabled={shown === 0} title="Copy the lines shown, as text" data-testid="log-copy">
        <Icon name="copy" size={14} />
        Copy
      </button>
      <button type="button" className="btn btn-small" onClick={onExport} disabled={shown === 0} title="Download the lines shown as JSON Lines" data-testid="log-export">
        <Icon name="download" size={14} />
        Export
      </button>
    </div>
  );
}
