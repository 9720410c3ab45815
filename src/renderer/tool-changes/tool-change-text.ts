import type { ToolChange, ToolChanges } from '../../shared/contract';

const CHANGE_WORDS: Record<ToolChange['change'], string> = {
  added: 'New tool',
  changed: 'Changed',
  removed: 'Removed',
};

/** "Changed: description, inputSchema" / "New tool" / "Removed". */
export function describeChange(change: ToolChange): string {
  return change.change === 'changed' && change.fields.length > 0 ? `${CHANGE_WORDS.changed}: ${change.fields.join(', ')}` : CHANGE_WORDS[change.change];
}

/** The sentence above the list: why these tools wait, or why nothing ever does. */
export function describeChanges(changes: ToolChanges): string {
  if (!changes.pinned) return 'The tools of a bundled server are approved with each MCP Tray release, so none is ever held back.';
  if (changes.changes.length === 0) return 'Every tool is as you approved it.';
  const held = changes.held.length;
  const waiting = held === 0 ? 'None is held back.' : `${held === 1 ? 'This tool is' : `These ${held} tools are`} held back from clients until you approve ${held === 1 ? 'it' : 'them'}.`;
  return `The server's tools differ from the ones you approved. ${waiting}`;
}
