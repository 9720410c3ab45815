import { useEffect, useMemo, useState } from 'react';
import type { FormModel } from '../schema-form/form-model';
import { normalizeValue } from '../schema-form/form-values';
import { initialToolInput, loadArguments, prepareCall, switchMode, type PreparedCall, type ToolInput } from './input-mode';
import type { ToolArguments } from '../mcp-types';
import { toolInputStore } from './playground-stores';
import type { InputMode } from './tool-input-store';

interface ToolInputControls {
  input: ToolInput;
  prepared: PreparedCall;
  setInput: (input: ToolInput) => void;
  /** Returns why the switch was refused, or null when it happened. */
  setMode: (mode: InputMode) => string | null;
  load: (args: ToolArguments) => void;
  reset: () => void;
}

function restore(model: FormModel, serverId: string, toolName: string): ToolInput {
  const stored = toolInputStore().get(serverId, toolName);
  if (!stored) return initialToolInput(model);
  return { mode: stored.mode, formValue: normalizeValue(model.root, stored.formValue), jsonText: stored.jsonText };
}

/** A tool's arguments as being typed, restored from and saved to storage per server and tool. */
export function useToolInput(serverId: string, toolName: string, model: FormModel): ToolInputControls {
  const [input, setInput] = useState<ToolInput>(() => restore(model, serverId, toolName));

  useEffect(() => {
    toolInputStore().set(serverId, toolName, input);
  }, [serverId, toolName, input]);

  const prepared = useMemo(() => prepareCall(model, input), [model, input]);

  return {
    input,
    prepared,
    setInput,
    setMode: (mode) => {
      const result = switchMode(model, input, mode);
      if ('error' in result) return result.error;
      setInput(result.input);
      return null;
    },
    load: (args) => setInput(loadArguments(model, input, args)),
    reset: () => setInput({ ...initialToolInput(model), mode: input.mode }),
  };
}
