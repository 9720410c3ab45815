import type { ToolAccess } from '../../shared/contract';

/** Whose view the switches show: every client, or the one named. */
export type ClientChoice = { kind: 'all' } | { kind: 'client'; name: string };

export const ALL_CLIENTS: ClientChoice = { kind: 'all' };

export interface ToolSwitchState {
  on: boolean;
  /** Off for every client, so a single client's switch cannot turn it on: the reason to show. */
  lockedReason: string | null;
}

/** The tools a client has turned off, finding its entry whatever the case of its name. */
function offForClient(access: ToolAccess, name: string): readonly string[] {
  const wanted = name.toLowerCase();
  const key = Object.keys(access.offByClient).find((candidate) => candidate.toLowerCase() === wanted);
  return key === undefined ? [] : (access.offByClient[key] ?? []);
}

/** A tool's switch for the chosen clients: off for every client wins over anything per client. */
export function toolSwitchState(access: ToolAccess, tool: string, choice: ClientChoice): ToolSwitchState {
  const offForAll = access.offForAll.includes(tool);
  if (choice.kind === 'all') return { on: !offForAll, lockedReason: null };
  if (offForAll) return { on: false, lockedReason: `Off for every client. Turn it on under "All clients" first.` };
  return { on: !offForClient(access, choice.name).includes(tool), lockedReason: null };
}

/** The tools.setEnabled input for flipping a switch. */
export function setEnabledInput(serverId: string, tool: string, enabled: boolean, choice: ClientChoice): { serverId: string; tool: string; enabled: boolean; client?: string } {
  return choice.kind === 'all' ? { serverId, tool, enabled } : { serverId, tool, enabled, client: choice.name };
}

/** How many of the tools the chosen clients are shown, for the bar: clients cap how many they take. */
export function shownCount(access: ToolAccess, tools: readonly string[], choice: ClientChoice): number {
  return tools.filter((tool) => toolSwitchState(access, tool, choice).on).length;
}
