import type { ToolChange } from '../../shared/contract';
import { DiffView } from '../clients/DiffView';
import { describeChange } from './tool-change-text';

interface ToolChangeCardProps {
  change: ToolChange;
  held: boolean;
  approving: boolean;
  onApprove: (tool: string) => void;
}

/** One tool's change: what differs, the diff against the approved definition, and its own Approve. */
export function ToolChangeCard({ change, held, approving, onApprove }: ToolChangeCardProps) {
  return (
    <li className="card tool-change" data-testid="tool-change" data-tool={change.tool}>
      <header className="card-header">
        <h3>
          <code>{change.tool}</code>
        </h3>
        <span className={`tag tool-change-${change.change}`}>{describeChange(change)}</span>
        {held ? <span className="tag tag-warning">held back</span> : null}
        <span className="spacer" />
        <button type="button" className="btn btn-small" disabled={approving} onClick={() => onApprove(change.tool)} data-testid="tool-change-approve">
          Approve
        </button>
      </header>
      {change.diff === '' ? null : <DiffView diff={change.diff} label={`Changes to ${change.tool}`} />}
    </li>
  );
}
