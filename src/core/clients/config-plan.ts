/**
 * Decides, from a client's current server map, which entries to add, refresh or remove. Pure: the
 * same plan is applied to the file text (config-edits.ts) or through Claude Code's CLI.
 *
 * Rules: only entries of ours (launch-entry.ts) are ever changed or removed; a foreign entry that
 * holds a server's name is never replaced; with renameOnConflict ours is added under a free name
 * (`github-mcp-tray`, `github-mcp-tray-2`, ...).
 */
import type { RegistrationState } from '../../shared/contract';
import { isUpToDate, ourServerIdOf, refreshedEntry } from './launch-entry';

export type EntryOperation =
  | { kind: 'set'; serverId: string; name: string; value: Record<string, unknown>; /** An entry with this name exists (ours, outdated). */ replaces: boolean }
  | { kind: 'remove'; serverId: string; name: string };

interface ServerRegistration {
  serverId: string;
  entryName: string;
  state: RegistrationState;
}

export interface RegisterPlan {
  operations: EntryOperation[];
  /** Servers left out because a foreign entry holds their name. */
  conflicts: string[];
}

/** The server's id -> the entry we would write for it in this client's shape. */
export type WantedEntries = ReadonlyMap<string, Record<string, unknown>>;

function oursFor(servers: Record<string, unknown>, serverId: string): Array<[string, Record<string, unknown>]> {
  return Object.entries(servers).filter((pair): pair is [string, Record<string, unknown>] => ourServerIdOf(pair[1]) === serverId);
}

export function classify(servers: Record<string, unknown>, wanted: WantedEntries): ServerRegistration[] {
  return [...wanted].map(([serverId, entry]) => {
    const ours = oursFor(servers, serverId);
    const current = ours.find(([, existing]) => isUpToDate(existing, entry));
    if (current) return { serverId, entryName: current[0], state: 'registered' };
    const [outdated] = ours;
    if (outdated) return { serverId, entryName: outdated[0], state: 'outdated' };
    return { serverId, entryName: serverId, state: Object.hasOwn(servers, serverId) ? 'conflict' : 'not registered' };
  });
}

function freeName(serverId: string, taken: ReadonlySet<string>): string {
  const base = `${serverId}-mcp-tray`;
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) if (!taken.has(`${base}-${suffix}`)) return `${base}-${suffix}`;
}

/** Every entry of ours that is not up to date, refreshed in place (its name and the user's own keys kept). */
function refreshOperations(servers: Record<string, unknown>, serverId: string, wanted: Record<string, unknown>): EntryOperation[] {
  return oursFor(servers, serverId)
    .filter(([, existing]) => !isUpToDate(existing, wanted))
    .map(([name, existing]) => ({ kind: 'set', serverId, name, value: refreshedEntry(existing, wanted), replaces: true }));
}

export function planRegister(servers: Record<string, unknown>, wanted: WantedEntries, renameOnConflict: boolean): RegisterPlan {
  const operations: EntryOperation[] = [];
  const conflicts: string[] = [];
  const taken = new Set(Object.keys(servers));
  for (const [serverId, entry] of wanted) {
    if (oursFor(servers, serverId).length > 0) {
      operations.push(...refreshOperations(servers, serverId, entry));
    } else if (!taken.has(serverId)) {
      operations.push({ kind: 'set', serverId, name: serverId, value: entry, replaces: false });
      taken.add(serverId);
    } else if (renameOnConflict) {
      const name = freeName(serverId, taken);
      operations.push({ kind: 'set', serverId, name, value: entry, replaces: false });
      taken.add(name);
    } else {
      conflicts.push(serverId);
    }
  }
  return { operations, conflicts };
}

/** Brings every outdated entry of ours up to date; adds nothing. */
export function planRepair(servers: Record<string, unknown>, wanted: WantedEntries): EntryOperation[] {
  return [...wanted].flatMap(([serverId, entry]) => refreshOperations(servers, serverId, entry));
}

/** Removes our entries for these servers (all of ours when `serverIds` is undefined); foreign entries stay. */
export function planUnregister(servers: Record<string, unknown>, serverIds: ReadonlySet<string> | undefined): EntryOperation[] {
  return Object.entries(servers).flatMap(([name, entry]): EntryOperation[] => {
    const serverId = ourServerIdOf(entry);
    return serverId !== undefined && (serverIds === undefined || serverIds.has(serverId)) ? [{ kind: 'remove', serverId, name }] : [];
  });
}
