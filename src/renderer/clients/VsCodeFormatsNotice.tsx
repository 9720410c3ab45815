import type { PlannedClientChange } from './client-change';
import type { VsCodeFormats } from './vscode-formats';

interface VsCodeFormatsNoticeProps {
  formats: VsCodeFormats;
  onPlan: (change: PlannedClientChange) => void;
}

/** Which of its two MCP files VS Code reads, which to prefer, and a way out of servers listed twice. */
export function VsCodeFormatsNotice({ formats, onPlan }: VsCodeFormatsNoticeProps) {
  const { portable, local, inBoth } = formats;
  const names = inBoth.join(', ');
  const them = inBoth.length === 1 ? 'it' : 'them';
  return (
    <div className="callout callout-info clients-notice" role="note" data-testid="vscode-formats">
      <strong>VS Code reads both of its MCP files.</strong> Copilot in VS Code reads the portable file <code>{portable.configPath}</code> directly, and VS
      Code forwards the servers of its own <code>{local.configPath}</code> to it. Prefer the portable file: the Copilot CLI reads it too, and VS Code's
      documentation calls its own format deprecated.
      {inBoth.length > 0 ? (
        <div className="vscode-formats-duplicates" data-testid="vscode-formats-duplicates">
          MCP Tray's {names} {inBoth.length === 1 ? 'is' : 'are'} in both files, so VS Code lists {them} twice.{' '}
          <button
            type="button"
            className="btn btn-small"
            onClick={() =>
              onPlan({
                clientId: local.id,
                clientName: local.name,
                action: 'unregister',
                serverIds: inBoth,
                title: `Keep ${names} in the portable file only (remove ${them} from VS Code's mcp.json)`,
              })
            }
            data-testid="vscode-formats-move"
          >
            Keep {them} in the portable file only
          </button>
        </div>
      ) : null}
    </div>
  );
}
