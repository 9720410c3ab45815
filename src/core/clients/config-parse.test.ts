import { describe, expect, it } from 'vitest';
import { ContractError } from '../../shared/contract';
import { lineAndColumn, parseConfig, splitByteOrderMark } from './config-parse';

function refusal(run: () => unknown): ContractError {
  try {
    run();
  } catch (error) {
    if (error instanceof ContractError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseConfig', () => {
  it('returns the server map and the rest of the document', () => {
    const parsed = parseConfig('{"mcpServers": {"a": {"command": "x"}}, "other": 1}', 'json', 'mcpServers', 'c.json');
    expect(parsed.servers).toEqual({ a: { command: 'x' } });
    expect(parsed.root.other).toBe(1);
  });

  it('treats an empty or blank file as an empty document', () => {
    expect(parseConfig('', 'json', 'mcpServers', 'c.json')).toEqual({ root: {}, servers: {} });
    expect(parseConfig('  \n', 'json', 'mcpServers', 'c.json')).toEqual({ root: {}, servers: {} });
  });

  it('refuses broken JSON with the line and column, and says the file was left as it was', () => {
    const error = refusal(() => parseConfig('{\n  "mcpServers": {\n    "a": { "command": "x" }\n    "b": {}\n  }\n}\n', 'json', 'mcpServers', '/home/ada/c.json'));
    expect(error.code).toBe('failed');
    expect(error.message).toBe(
      '/home/ada/c.json is not valid JSON: a comma is missing at line 4, column 5. MCP Tray left the file exactly as it was; fix it (or move it away) and try again.',
    );
  });

  it('refuses comments in a strict JSON file, as the client itself would', () => {
    expect(refusal(() => parseConfig('{\n  // hi\n  "mcpServers": {}\n}', 'json', 'mcpServers', 'c.json')).message).toContain(
      'comments are not allowed in this file at line 2, column 3',
    );
  });

  it('accepts comments and trailing commas in JSONC', () => {
    expect(parseConfig('{\n  // hi\n  "servers": {"a": {"command": "x"},},\n}', 'jsonc', 'servers', 'mcp.json').servers).toEqual({ a: { command: 'x' } });
  });

  it('refuses a top level that is not an object, or a server map that is not one', () => {
    expect(refusal(() => parseConfig('[]', 'json', 'mcpServers', 'c.json')).message).toContain('does not hold a JSON object at the top level');
    expect(refusal(() => parseConfig('{"mcpServers": []}', 'json', 'mcpServers', 'c.json')).message).toContain('has a "mcpServers" that is not an object');
  });

  it('refuses a second top-level server map with the line and column of the second, as clients read only the last one', () => {
    const text = '{\n  "mcpServers": { "a": { "command": "x" } },\n  "theme": "dark",\n  "mcpServers": { "b": { "command": "y" } }\n}\n';
    expect(refusal(() => parseConfig(text, 'json', 'mcpServers', '/home/ada/c.json')).message).toBe(
      '/home/ada/c.json has the key "mcpServers" twice, again at line 4, column 3; the client reads only the last one. MCP Tray left the file exactly as it was; fix it (or move it away) and try again.',
    );
  });

  it('refuses a second "servers" map in a VS Code mcp.json', () => {
    const text = '{\n  // mine\n  "servers": {},\n  "servers": {},\n}\n';
    expect(refusal(() => parseConfig(text, 'jsonc', 'servers', 'mcp.json')).message).toContain('has the key "servers" twice, again at line 4, column 3');
  });

  it('refuses the same server name twice in the server map', () => {
    const text = '{\n  "mcpServers": {\n    "memory": { "command": "npx" },\n    "weather": { "command": "a" },\n    "memory": { "command": "uvx" }\n  }\n}\n';
    expect(refusal(() => parseConfig(text, 'json', 'mcpServers', 'c.json')).message).toContain(
      'has the server "memory" in "mcpServers" twice, again at line 5, column 5; the client reads only the last one.',
    );
  });

  it('accepts the same name in different places: a server map inside an entry, or one server per map key', () => {
    const text = '{"mcpServers": {"a": {"command": "x", "env": {"K": "1"}}, "b": {"command": "x", "env": {"K": "2"}}}, "projects": {"p": {"mcpServers": {"a": {}}}}}';
    expect(Object.keys(parseConfig(text, 'json', 'mcpServers', 'c.json').servers)).toEqual(['a', 'b']);
  });

  it('never quotes the file content in its message (it may hold a token)', () => {
    const message = refusal(() => parseConfig('{"env": {"TOKEN": "ghp_abcdefghijklmnopqrstuvwxyz123456" oops}}', 'json', 'mcpServers', 'c.json')).message;
    expect(message).not.toContain('ghp_');
  });
});

describe('helpers', () => {
  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });

  it('splits off a byte-order mark', () => {
    expect(splitByteOrderMark('\uFEFF{}')).toEqual({ mark: '\uFEFF', body: '{}' });
    expect(splitByteOrderMark('{}')).toEqual({ mark: '', body: '{}' });
  });
});
