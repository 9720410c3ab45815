import { EnvNameSchema } from '../../shared/contract';

/** One line of the environment editor; `key` keeps React rows stable while names are retyped. */
export interface EnvRow {
  key: number;
  name: string;
  value: string;
}

export function rowsFromEnv(env: Readonly<Record<string, string>>, firstKey = 0): EnvRow[] {
  return Object.entries(env).map(([name, value], index) => ({ key: firstKey + index, name, value }));
}

type EnvPatchResult =
  | { ok: true; patch: Record<string, string | null>; changed: boolean }
  | { ok: false; rowErrors: Record<number, string> };

/**
 * What servers.setEnv needs to turn `original` into the edited rows: new and changed values,
 * and null for each removed name. Rows with an empty name and value are ignored (a fresh row).
 */
export function envPatch(original: Readonly<Record<string, string>>, rows: readonly EnvRow[], secretNames: readonly string[]): EnvPatchResult {
  const rowErrors: Record<number, string> = {};
  const next: Record<string, string> = {};
  for (const row of rows) {
    const name = row.name.trim();
    if (name === '' && row.value === '') continue;
    const checked = EnvNameSchema.safeParse(name);
    if (!checked.success) rowErrors[row.key] = name === '' ? 'Give the variable a name.' : (checked.error.issues[0]?.message ?? 'Invalid name.');
    else if (Object.hasOwn(next, name)) rowErrors[row.key] = `${name} is set twice.`;
    else if (secretNames.includes(name)) rowErrors[row.key] = `${name} is a secret: set it under Secrets so it stays in the keychain.`;
    else next[name] = row.value;
  }
  if (Object.keys(rowErrors).length > 0) return { ok: false, rowErrors };

  const patch: Record<string, string | null> = {};
  for (const name of Object.keys(original)) if (!Object.hasOwn(next, name)) patch[name] = null;
  for (const [name, value] of Object.entries(next)) if (original[name] !== value) patch[name] = value;
  return { ok: true, patch, changed: Object.keys(patch).length > 0 };
}
