/** A client's server name as an MCP Tray id (src/shared/vocabulary.ts), with a suffix when the id is taken. */
import { SERVER_ID_PATTERN } from '../../../shared/vocabulary';

const MAX_ID_LENGTH = 63;

/** "GitHub MCP", "@scope/server_x" -> "github-mcp", "scope-server-x"; "server" when nothing is left. */
export function idFromName(name: string): string {
  const base = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_ID_LENGTH)
    .replace(/-+$/, '');
  return SERVER_ID_PATTERN.test(base) ? base : 'server';
}

/** The id, or the id with the first free suffix ("-2", "-3", ...), kept within the length limit. */
export function freeId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    const tail = `-${suffix}`;
    const candidate = `${base.slice(0, MAX_ID_LENGTH - tail.length).replace(/-+$/, '')}${tail}`;
    if (!taken.has(candidate)) return candidate;
  }
}
