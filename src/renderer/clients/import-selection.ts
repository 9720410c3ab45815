/**
 * What the user picked in the import dialog: which entries, and for each which variables move into
 * the keychain. Starts from the plan's suggestion (an entry with a token in its arguments unchecked); a variable VS Code asks for has no value to keep,
 * so it always stays a secret.
 */
import type { MethodResult } from '../../shared/contract';

export type ImportPlan = MethodResult<'clients.importPlan'>;
export type ImportSummary = MethodResult<'clients.import'>;

export interface ImportSelection {
  /** By entry key: the names of the variables that move into the keychain; absent when the entry is not imported. */
  entries: ReadonlyMap<string, ReadonlySet<string>>;
  rewrite: boolean;
}

export function suggestedSelection(plan: ImportPlan): ImportSelection {
  return {
    entries: new Map(plan.entries.filter((entry) => !entry.argsHoldToken).map((entry) => [entry.key, new Set(entry.env.filter((variable) => variable.secret).map((variable) => variable.name))])),
    rewrite: true,
  };
}

export function withEntry(selection: ImportSelection, plan: ImportPlan, key: string, included: boolean): ImportSelection {
  const entries = new Map(selection.entries);
  if (!included) entries.delete(key);
  else entries.set(key, new Set(plan.entries.find((entry) => entry.key === key)?.env.filter((variable) => variable.secret).map((variable) => variable.name)));
  return { ...selection, entries };
}

export function withSecret(selection: ImportSelection, key: string, name: string, moves: boolean): ImportSelection {
  const current = selection.entries.get(key);
  if (!current) return selection;
  const names = new Set(current);
  if (moves) names.add(name);
  else names.delete(name);
  return { ...selection, entries: new Map(selection.entries).set(key, names) };
}

/** The input of clients.import for this selection. */
export function importInput(plan: ImportPlan, selection: ImportSelection, includeProjects: boolean, dryRun: boolean) {
  const choices = plan.entries.flatMap((entry) => {
    const secrets = selection.entries.get(entry.key);
    // Checking an entry whose arguments hold a token is the user's explicit choice to keep it there.
    return secrets ? [{ key: entry.key, secrets: [...secrets], keepTokenArgs: entry.argsHoldToken }] : [];
  });
  return { clientId: plan.clientId, choices, rewrite: selection.rewrite, includeProjects, dryRun };
}
