import { describe, expect, it } from 'vitest';
import { removeServerEntry, setServerEntry } from './config-edits';
import { parseConfig } from './config-parse';
import { detectLayout } from './text-layout';

const entry = { command: '/opt/node', args: ['/opt/mcp-tray/out/host/mcp-tray-launcher.js', 'github'] };

function add(text: string, key = 'mcpServers', name = 'github'): string {
  return setServerEntry(text, key, name, entry, detectLayout(text));
}

describe('detectLayout', () => {
  it('finds two spaces, four spaces, tabs and CRLF', () => {
    expect(detectLayout('{\n  "a": {\n    "b": 1\n  }\n}\n')).toEqual({ indent: '  ', eol: '\n' });
    expect(detectLayout('{\n    "a": 1\n}\n')).toEqual({ indent: '    ', eol: '\n' });
    expect(detectLayout('{\n\t"a": 1\n}\n')).toEqual({ indent: '\t', eol: '\n' });
    expect(detectLayout('{\r\n  "a": 1\r\n}\r\n')).toEqual({ indent: '  ', eol: '\r\n' });
  });

  it('is not fooled by the continuation lines of a block comment', () => {
    expect(detectLayout('/**\n * note\n */\n{\n    "a": 1\n}\n')).toEqual({ indent: '    ', eol: '\n' });
  });
});

describe('setServerEntry', () => {
  it('appends after the other servers in the file own indentation, touching nothing else', () => {
    const before = '{\n    "globalShortcut": "Ctrl+Space",\n    "mcpServers": {\n        "memory": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"] }\n    },\n    "theme": "dark"\n}\n';
    const after = add(before);
    expect(after).toBe(
      '{\n    "globalShortcut": "Ctrl+Space",\n    "mcpServers": {\n        "memory": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"] },\n        "github": {\n            "command": "/opt/node",\n            "args": [\n                "/opt/mcp-tray/out/host/mcp-tray-launcher.js",\n                "github"\n            ]\n        }\n    },\n    "theme": "dark"\n}\n',
    );
  });

  it('creates the server map when the file has none, after the existing keys', () => {
    expect(add('{\n  "theme": "dark"\n}\n')).toBe(
      '{\n  "theme": "dark",\n  "mcpServers": {\n    "github": {\n      "command": "/opt/node",\n      "args": [\n        "/opt/mcp-tray/out/host/mcp-tray-launcher.js",\n        "github"\n      ]\n    }\n  }\n}\n',
    );
  });

  it('writes a whole document into an empty file', () => {
    expect(JSON.parse(add(''))).toEqual({ mcpServers: { github: entry } });
  });

  it('fills an empty map in place', () => {
    expect(add('{\n\t"mcpServers": {}\n}\n')).toBe(
      '{\n\t"mcpServers": {\n\t\t"github": {\n\t\t\t"command": "/opt/node",\n\t\t\t"args": [\n\t\t\t\t"/opt/mcp-tray/out/host/mcp-tray-launcher.js",\n\t\t\t\t"github"\n\t\t\t]\n\t\t}\n\t}\n}\n',
    );
  });

  it('keeps JSONC comments where they were, including one trailing the last entry', () => {
    const before = '{\n  // servers for work\n  "servers": {\n    "memory": { "command": "npx" } // keep me\n  },\n  /* inputs */ "inputs": []\n}\n';
    const after = add(before, 'servers');
    expect(after).toContain('"memory": { "command": "npx" }, // keep me\n    "github": {');
    expect(after).toContain('// servers for work');
    expect(after).toContain('/* inputs */ "inputs": []');
    expect(parseConfig(after, 'jsonc', 'servers', 'mcp.json').servers.github).toEqual(entry);
  });

  it('keeps a JSONC trailing comma style', () => {
    const after = add('{\n  "servers": {\n    "memory": {"command": "npx"},\n  },\n}\n', 'servers');
    expect(after).toMatch(/"github": \{[\s\S]*\n {4}\},\n {2}\},\n\}\n$/);
    expect(parseConfig(after, 'jsonc', 'servers', 'mcp.json').servers.github).toEqual(entry);
  });

  it('keeps CRLF line endings', () => {
    const after = add('{\r\n  "mcpServers": {\r\n    "a": {"command": "b"}\r\n  }\r\n}\r\n');
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('replaces the value of an existing entry in place', () => {
    const before = '{\n  "mcpServers": {\n    "github": { "command": "old" },\n    "z": {"command": "z"}\n  }\n}\n';
    expect(setServerEntry(before, 'mcpServers', 'github', entry, detectLayout(before))).toBe(
      '{\n  "mcpServers": {\n    "github": {\n      "command": "/opt/node",\n      "args": [\n        "/opt/mcp-tray/out/host/mcp-tray-launcher.js",\n        "github"\n      ]\n    },\n    "z": {"command": "z"}\n  }\n}\n',
    );
  });
});

describe('removeServerEntry', () => {
  it.each([
    ['a pretty-printed file', '{\n  "mcpServers": {\n    "memory": {\n      "command": "npx"\n    }\n  },\n  "theme": "dark"\n}\n'],
    ['a file with four-space indentation and a compact neighbour', '{\n    "mcpServers": {\n        "memory": { "command": "npx" } // keep\n    }\n}\n'],
    ['an empty map', '{\n  "mcpServers": {}\n}\n'],
    ['a JSONC file with trailing commas', '{\n  "servers": {\n    "memory": {"command": "npx"},\n  },\n}\n'],
  ])('add then remove gives back %s byte for byte', (_name, before) => {
    const key = before.includes('"servers"') ? 'servers' : 'mcpServers';
    expect(removeServerEntry(add(before, key), key, 'github')).toBe(before);
  });

  it('removes a middle entry and its comma, leaving its neighbours alone', () => {
    const before = '{\n  "mcpServers": {\n    "a": {"command": "a"},\n    "github": {\n      "command": "x"\n    },\n    "b": {"command": "b"}\n  }\n}\n';
    expect(removeServerEntry(before, 'mcpServers', 'github')).toBe('{\n  "mcpServers": {\n    "a": {"command": "a"},\n    "b": {"command": "b"}\n  }\n}\n');
  });

  it('removes the last entry together with the comma before it', () => {
    const before = '{\n  "mcpServers": {\n    "a": {"command": "a"},\n    "github": {"command": "x"}\n  }\n}\n';
    expect(removeServerEntry(before, 'mcpServers', 'github')).toBe('{\n  "mcpServers": {\n    "a": {"command": "a"}\n  }\n}\n');
  });

  it('removes an entry that shares its line with another one', () => {
    const after = removeServerEntry('{"mcpServers": {"a": {"command": "a"}, "github": {"command": "x"}}}', 'mcpServers', 'github');
    expect(JSON.parse(after)).toEqual({ mcpServers: { a: { command: 'a' } } });
  });

  it('leaves the text alone when there is no such entry', () => {
    const before = '{ "mcpServers": { "a": 1 } }';
    expect(removeServerEntry(before, 'mcpServers', 'github')).toBe(before);
    expect(removeServerEntry('{}', 'mcpServers', 'github')).toBe('{}');
  });
});

describe('CRLF files', () => {
  it('add then remove gives back a CRLF file byte for byte', () => {
    const before = '{\r\n  "mcpServers": {\r\n    "a": {"command": "b"}\r\n  }\r\n}\r\n';
    expect(removeServerEntry(add(before), 'mcpServers', 'github')).toBe(before);
  });
});
