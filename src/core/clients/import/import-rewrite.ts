/**
 * The text of a client's file with imported entries replaced by MCP Tray launcher entries. Each
 * entry must still be exactly what the plan read: if another program changed it since, the rewrite
 * refuses rather than replace something nobody looked at. The client's own keys other than how to
 * run the server (`disabled`, `tools`, `timeout`, ...) stay; command, args, env and the like are ours.
 */
import { isDeepStrictEqual } from 'node:util';
import { applyEdits, modify } from 'jsonc-parser';
import { ContractError } from '../../../shared/contract';
import { isPlainObject } from '../../../shared/plain-object';
import { splitByteOrderMark } from '../config-parse';
import type { EntryOperation } from '../config-plan';
import { applyOperations, parseConfigText } from '../config-syntax';
import type { McpClient } from '../mcp-client';
import { detectLayout } from '../text-layout';
import { RUN_KEYS } from './client-entries';

export interface EntryReplacement {
  name: string;
  serverId: string;
  location: string[];
  raw: unknown;
  launcherEntry: Record<string, unknown>;
}

function valueAt(root: unknown, location: readonly string[]): unknown {
  let value = root;
  for (const part of location) value = isPlainObject(value) ? value[part] : undefined;
  return value;
}

function replacementValue(replacement: EntryReplacement): Record<string, unknown> {
  const kept = isPlainObject(replacement.raw) ? Object.entries(replacement.raw).filter(([key]) => !RUN_KEYS.includes(key) && !Object.hasOwn(replacement.launcherEntry, key)) : [];
  return { ...replacement.launcherEntry, ...Object.fromEntries(kept) };
}

/** A transform for the safe writer: the same answer for the same text, refusing when an entry changed. */
export function replacementTransform(client: McpClient, configPath: string, replacements: readonly EntryReplacement[]): (current: string | null) => string | null {
  return (current) => {
    const { mark, body } = splitByteOrderMark(current ?? '');
    const { root } = parseConfigText(body, client.syntax, client.serversKey, configPath);
    const changed = replacements.find((replacement) => !isDeepStrictEqual(valueAt(root, replacement.location), replacement.raw));
    if (changed) {
      throw new ContractError(
        'conflict',
        `${configPath} changed since the import was planned: the entry "${changed.name}" is no longer what it was. Nothing was imported and the file was left as it is; look at the import again and retry.`,
      );
    }
    const [userEntries, nested] = [replacements.filter((item) => item.location.length === 2), replacements.filter((item) => item.location.length !== 2)];
    const operations: EntryOperation[] = userEntries.map((item) => ({ kind: 'set', serverId: item.serverId, name: item.name, value: replacementValue(item), replaces: true }));
    let text = operations.length > 0 ? applyOperations(body, client.syntax, client.serversKey, operations, configPath) : body;
    if (nested.length > 0) {
      const layout = detectLayout(text);
      const formattingOptions = { insertSpaces: layout.indent !== '\t', tabSize: layout.indent === '\t' ? 1 : layout.indent.length, eol: layout.eol };
      for (const item of nested) text = applyEdits(text, modify(text, item.location, replacementValue(item), { formattingOptions }));
    }
    return mark + text;
  };
}
