/**
 * Duplicate keys in a JSON (or JSONC) config: parsers keep the last one, clients read the last one,
 * and a text edit lands on the first one, where the client never sees it. A second server map key,
 * or a server name given twice inside it, is refused like a syntax error.
 */
import type { Node } from 'jsonc-parser';

interface DuplicateKey {
  /** What is duplicated, in words: `the key "mcpServers"` or `the server "memory" in "mcpServers"`. */
  what: string;
  /** Offset of the second occurrence. */
  offset: number;
}

/** The second occurrence of a property name among an object's properties. */
function secondOccurrence(object: Node): Node | undefined {
  const seen = new Set<unknown>();
  for (const property of object.children ?? []) {
    const name = property.children?.[0];
    if (name === undefined) continue;
    if (seen.has(name.value)) return name;
    seen.add(name.value);
  }
  return undefined;
}

/** The first duplicate that matters for the server map under `serversKey` in a parsed tree; undefined when there is none. */
export function findDuplicateKey(root: Node | undefined, serversKey: string): DuplicateKey | undefined {
  if (root?.type !== 'object') return undefined;
  const serverMaps = (root.children ?? []).filter((property) => property.children?.[0]?.value === serversKey);
  const secondMap = serverMaps[1]?.children?.[0];
  if (secondMap !== undefined) return { what: `the key "${serversKey}"`, offset: secondMap.offset };
  const servers = serverMaps[0]?.children?.[1];
  if (servers?.type !== 'object') return undefined;
  const secondServer = secondOccurrence(servers);
  return secondServer === undefined ? undefined : { what: `the server "${String(secondServer.value)}" in "${serversKey}"`, offset: secondServer.offset };
}
