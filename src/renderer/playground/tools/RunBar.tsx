import { Icon } from '../../ui/Icon';

interface RunBarProps {
  running: boolean;
  cancelling: boolean;
  onRun: () => void;
  onCancel: () => void;
  /** Why Run did nothing (shown after a try). */
  blockedMessage: string | null;
  warning: string | null;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
const SHORTCUT = isMac ? '⌘ Enter' : 'Ctrl Enter';

/** Run (and its shortcut) or, while a call runs, Cancel. */
export function RunBar({ running, cancelling, onRun, onCancel, blockedMessage, warning }: RunBarProps) {
  return (
    <div className="pg-run-bar">
      <div className="pg-run-buttons">
        <button
          type="button"
          className="btn btn-primary"
          onClick={onRun}
          disabled={running}
          data-testid="run-tool"
          aria-keyshortcuts={isMac ? 'Meta+Enter' : 'Control+Enter'}
        >
          <Icon name="play" size={14} />
          {running ? 'Running…' : 'Run'}
        </button>
        {running ? (
          <button type="button" className="btn" onClick={onCancel} disabled={cancelling} data-testid="cancel-tool">
            <Icon name="stop" size={14} />
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        ) : (
          <kbd className="pg-shortcut">{SHORTCUT}</kbd>
        )}
      </div>
      {blockedMessage ? (
        <p className="pg-field-error" role="alert" data-testid="run-blocked">
          {blockedMessage}
        </p>
      ) : warning ? (
        <p className="pg-warning">{warning}</p>
      ) : null}
    </div>
  );
}
