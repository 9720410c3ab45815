import type { ToolAccess } from '../../shared/contract';
import { Toggle } from '../ui/Toggle';
import { toolSwitchState, type ClientChoice } from './tool-switch-state';

interface ToolSwitchProps {
  access: ToolAccess;
  tool: string;
  choice: ClientChoice;
  pending: boolean;
  onChange: (tool: string, enabled: boolean) => void;
}

/** One tool on or off for the chosen clients; locked when it is off for every client and one client is chosen. */
export function ToolSwitch({ access, tool, choice, pending, onChange }: ToolSwitchProps) {
  const state = toolSwitchState(access, tool, choice);
  const who = choice.kind === 'all' ? 'every client' : choice.name;
  return (
    <span className="tool-switch">
      <Toggle
        checked={state.on}
        onChange={(enabled) => onChange(tool, enabled)}
        label={`${tool} for ${who}`}
        hideLabel
        disabled={pending || state.lockedReason !== null}
        title={state.lockedReason ?? (state.on ? `On for ${who}: turn off to hide it from ${who}` : `Off for ${who}: clients are not shown it and a call is refused`)}
        testId={`tool-switch-${tool}`}
      />
    </span>
  );
}
