import type { ToolAccess } from '../../shared/contract';
import { InlineError } from '../ui/StatusStates';
import { shownCount, type ClientChoice } from './tool-switch-state';

interface ToolAccessBarProps {
  access: ToolAccess;
  tools: readonly string[];
  choice: ClientChoice;
  onChoice: (choice: ClientChoice) => void;
  error: string | null | undefined;
}

const ALL_VALUE = '';

/** The client selector above the tool switches, and how many tools the chosen clients are shown. */
export function ToolAccessBar({ access, tools, choice, onChoice, error }: ToolAccessBarProps) {
  const shown = shownCount(access, tools, choice);
  const who = choice.kind === 'all' ? 'every client' : choice.name;
  return (
    <div className="tool-access-bar" data-testid="tool-access-bar">
      <label htmlFor={`tool-access-client-${access.serverId}`}>Tools shown to</label>
      <select
        id={`tool-access-client-${access.serverId}`}
        className="input select"
        value={choice.kind === 'all' ? ALL_VALUE : choice.name}
        onChange={(event) => onChoice(event.target.value === ALL_VALUE ? { kind: 'all' } : { kind: 'client', name: event.target.value })}
        data-testid="tool-access-client"
      >
        <option value={ALL_VALUE}>All clients</option>
        {access.clients.map((client) => (
          <option key={client} value={client}>
            {client}
          </option>
        ))}
      </select>
      <span className="muted" data-testid="tool-access-count">
        {shown} of {tools.length} on for {who}
      </span>
      <InlineError message={error} />
    </div>
  );
}
