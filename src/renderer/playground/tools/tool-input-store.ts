/**
 * What someone typed for each tool, per server, so that switching tools (or restarting the app)
 * brings it back. Stored as the form's own values, so half-typed input survives too.
 */
import { z } from 'zod';
import type { FormValue } from '../schema-form/form-values';
import type { KeyValueStorage } from '../key-value-storage';

export type InputMode = 'form' | 'json';

interface ToolInputState {
  mode: InputMode;
  /** The form's values; checked against the current schema when read back (see normalizeValue). */
  formValue: unknown;
  /** The JSON editor's text, as typed. */
  jsonText: string;
}

const StoredInputSchema = z.object({
  mode: z.enum(['form', 'json']),
  formValue: z.unknown(),
  jsonText: z.string(),
});

function inputKey(serverId: string, toolName: string): string {
  return `mcp-tray.playground.inputs.v1:${serverId}:${encodeURIComponent(toolName)}`;
}

export class ToolInputStore {
  private readonly cache = new Map<string, ToolInputState>();

  constructor(private readonly storage: KeyValueStorage) {}

  get(serverId: string, toolName: string): ToolInputState | undefined {
    const key = inputKey(serverId, toolName);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const text = this.storage.getItem(key);
    if (text === null) return undefined;
    try {
      const parsed = StoredInputSchema.safeParse(JSON.parse(text));
      if (!parsed.success) return undefined;
      const state: ToolInputState = { mode: parsed.data.mode, formValue: parsed.data.formValue, jsonText: parsed.data.jsonText };
      this.cache.set(key, state);
      return state;
    } catch {
      return undefined;
    }
  }

  set(serverId: string, toolName: string, state: { mode: InputMode; formValue: FormValue; jsonText: string }): void {
    const key = inputKey(serverId, toolName);
    this.cache.set(key, state);
    try {
      this.storage.setItem(key, JSON.stringify(state));
    } catch {
      // Storage full: the input stays in memory for this session, which is what matters most.
    }
  }
}
