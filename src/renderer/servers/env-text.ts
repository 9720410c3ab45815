import { EnvNameSchema } from '../../shared/contract';

type EnvParseResult = { ok: true; env: Record<string, string> } | { ok: false; error: string };

/**
 * "NAME=value" per line, the .env shape people already paste. Blank lines and "#" comments are
 * skipped; the value is everything after the first "=", kept verbatim (spaces included).
 */
export function parseEnvText(text: string): EnvParseResult {
  const env: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (const [index, rawLine] of lines.entries()) {
    const line = rawLine.trimStart();
    if (line === '' || line.startsWith('#')) continue;
    const where = `Line ${index + 1}`;
    const equals = line.indexOf('=');
    if (equals < 0) return { ok: false, error: `${where}: write NAME=value (no "=" found).` };
    const name = line.slice(0, equals).trim();
    const checked = EnvNameSchema.safeParse(name);
    if (!checked.success) return { ok: false, error: `${where}: ${checked.error.issues[0]?.message ?? 'invalid name'}` };
    if (Object.hasOwn(env, name)) return { ok: false, error: `${where}: ${name} is set twice.` };
    env[name] = line.slice(equals + 1);
  }
  return { ok: true, env };
}

export function formatEnvText(env: Readonly<Record<string, string>>): string {
  return Object.entries(env)
    .map(([name, value]) => `${name}=${value}`)
    .join('\n');
}

/** Secret names typed as a list: commas, spaces or new lines between them. */
export function parseNameList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}
