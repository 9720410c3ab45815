/**
 * Duplicate keys in a JSON (or JSONC) config: parsers keep the last one, clients read the last one,
 * and a text edit lands on the first one, where the client never sees it. A second server map key,
 * or a server name given twice inside it, is refused like a syntax error.
 */
import { parseTree, type Node } from 'jsonc-parser';

interface DuplicateKey {
  /** What is duplicated, in words: `the key "mcpServers"` or `the server "memory" in "mcpServers"`. */
  what: string;
  /** Offset of the second occurrence. */
  offset: number;
}

const TREE_OPTIONS = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true };

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

/** The first duplicate that matters for the server map under `serversKey`; undefined when there is none. Expects text that parses. */
export function findDuplicateKey(text: string, serversKey: string): DuplicateKey | undefined {
  const root = parseTree(text, [], TREE_OPTIONS);
  if (root?.type !== 'object') return undefined;
  const serverMaps = (root.children ?? []).filter((property) => property.children?.[0]?.value === serversKey);
  const secondMap = serverMaps[1]?.children?.[0];
  if (secondMap !== undefined) return { what: `the key "${serversKey}"`, offset: secondMap.offset };
  const servers = serverMaps[0]?.children?.[1];
  if (servers?.type !== 'object') return undefined;
  const secondServer = secondOccurrence(servers);
  return secondServer === undefined ? undefined : { what: `the server "${String(secondServer.value)}" in "${serversKey}"`, offset: secondServer.offset };
}
