/**
 * One entry point per config format: read the server map, and apply a plan's operations as minimal
 * text edits. JSON and JSONC go through jsonc-parser (config-parse.ts, config-edits.ts); TOML
 * through toml-patch, checked by smol-toml (toml-config.ts).
 */
import { removeServerEntry, setServerEntry } from './config-edits';
import { parseConfig, type ParsedConfig } from './config-parse';
import type { EntryOperation } from './config-plan';
import type { ConfigSyntax } from './mcp-client';
import { DEFAULT_LAYOUT, detectLayout } from './text-layout';
import { applyTomlOperations, parseTomlConfig } from './toml-config';

/** Parses `text` (without a byte-order mark) the way the client would, or refuses with where the problem is. */
export function parseConfigText(text: string, syntax: ConfigSyntax, serversKey: string, filePath: string): ParsedConfig {
  return syntax === 'toml' ? parseTomlConfig(text, serversKey, filePath) : parseConfig(text, syntax, serversKey, filePath);
}

/** The text with the operations applied, every other byte kept; the text must already have passed parseConfigText. */
export function applyOperations(text: string, syntax: ConfigSyntax, serversKey: string, operations: readonly EntryOperation[], filePath: string): string {
  if (syntax === 'toml') return applyTomlOperations(text, serversKey, operations, filePath);
  const layout = text.trim() === '' ? DEFAULT_LAYOUT : detectLayout(text);
  let result = text;
  for (const operation of operations) {
    result = operation.kind === 'set' ? setServerEntry(result, serversKey, operation.name, operation.value, layout) : removeServerEntry(result, serversKey, operation.name);
  }
  return result;
}
