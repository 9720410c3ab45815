/**
 * The values a rewrite's diff must not show: the `-` lines print the replaced entries as they were,
 * so every value that may be a credential is masked there, not only the ones that move to the
 * keychain: each environment value, each argument that carries a token, each header value and the
 * user and password of any URL in the entry.
 */
import { isPlainObject } from '../../../shared/plain-object';
import type { PlannedServer } from './import-planner';

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (isPlainObject(value)) return Object.values(value).flatMap(stringsIn);
  return [];
}

function valuesOf(record: unknown): string[] {
  return isPlainObject(record) ? Object.values(record).filter((value): value is string => typeof value === 'string') : [];
}

/** `user:password` and each part, for every URL inside the text that has them. */
function urlUserinfo(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/[A-Za-z][A-Za-z0-9+.-]*:\/\/([^\s/@"']+)@/g)) {
    const userinfo = match[1] ?? '';
    found.push(userinfo, ...userinfo.split(':'));
    for (const part of [userinfo, ...userinfo.split(':')]) {
      try {
        found.push(decodeURIComponent(part));
      } catch {
        // Not percent-encoded text: the raw form above is what the file holds.
      }
    }
  }
  return found;
}

/** A value as it appears inside a JSON or TOML string, where quotes and backslashes are escaped. */
function escaped(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

export function diffSecretValues(servers: readonly PlannedServer[]): string[] {
  const values = servers.flatMap((server) => {
    const raw = isPlainObject(server.raw) ? server.raw : {};
    const rawArgs = Array.isArray(raw.args) ? raw.args : [];
    const tokenArgs = server.tokenArgs.flatMap((position) => {
      const args = [server.args[position - 1], rawArgs[position - 1]].filter((arg): arg is string => typeof arg === 'string');
      return args.flatMap((arg) => (arg.includes('=') ? [arg, arg.slice(arg.indexOf('=') + 1)] : [arg]));
    });
    return [...Object.values(server.env), ...valuesOf(raw.env), ...valuesOf(raw.headers), ...tokenArgs, ...stringsIn(raw).flatMap(urlUserinfo)];
  });
  return [...new Set(values.flatMap((value) => [value, escaped(value)]))];
}
