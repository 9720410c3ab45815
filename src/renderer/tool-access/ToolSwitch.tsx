import type { ToolAccess } from '../../shared/contract';
import { Toggle } from '../ui/Toggle';
import { toolSwitchState, type ClientChoice } from './tool-switch-state';
import type { SavingSwitch } from './use-tool-access';

interface ToolSwitchProps {
  access: ToolAccess;
  tool: string;
  choice: ClientChoice;
  /** The switch being saved, if any: every switch waits for it, and this one shows its new position. */
  saving: SavingSwitch | null;
  onChange: (tool: string, enabled: boolean) => void;
}

/** One tool on or off for the chosen clients; locked when it is off for every client and one client is chosen. */
export function ToolSwitch({ access, tool, choice, saving, onChange }: ToolSwitchProps) {
  const state = toolSwitchState(access, tool, choice);
  const on = saving?.tool === tool ? saving.enabled : state.on;
  const who = choice.kind === 'all' ? 'every client' : choice.name;
  return (
    <span className="tool-switch">
      <Toggle
        checked={on}
        onChange={(enabled) => onChange(tool, enabled)}
        label={`${tool} for ${who}`}
        hideLabel
        disabled={saving !== null || state.lockedReason !== null}
        title={state.lockedReason ?? (on ? `On for ${who}: turn off to hide it from ${who}` : `Off for ${who}: clients are not shown it and a call is refused`)}
        testId={`tool-switch-${tool}`}
      />
    </span>
  );
}
