import { describe, expect, it } from 'vitest';
import { unifiedDiff } from './unified-diff';

describe('unifiedDiff', () => {
  it('is empty when nothing changes', () => {
    expect(unifiedDiff('/c.json', '{}\n', '{}\n')).toBe('');
  });

  it('is a unified diff from the old file to the new one', () => {
    const diff = unifiedDiff('/home/ada/c.json', '{\n  "a": 1\n}\n', '{\n  "a": 2\n}\n');
    expect(diff).toBe('--- /home/ada/c.json\n+++ /home/ada/c.json\n@@ -1,3 +1,3 @@\n {\n-  "a": 1\n+  "a": 2\n }\n');
  });

  it('shows a new file as added from /dev/null', () => {
    expect(unifiedDiff('/c.json', null, '{}\n')).toMatch(/^--- \/dev\/null\n\+\+\+ \/c\.json\n@@ -0,0 \+1(,1)? @@\n\+\{\}\n$/);
  });

  it("masks another server's credentials in the context lines", () => {
    const before = '{\n  "mcpServers": {\n    "brave": { "command": "npx", "env": { "BRAVE_API_KEY": "BSAsecret123" } },\n    "gh": { "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "ghp_abcdefghijklmnopqrstuvwxyz0123" } }\n  }\n}\n';
    const after = before.replace('  }\n}', '  , "x": 1 }\n}');
    const diff = unifiedDiff('/c.json', before, after);
    expect(diff).not.toContain('BSAsecret123');
    expect(diff).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123');
    expect(diff).toContain('"BRAVE_API_KEY": "[redacted]"');
  });
});

describe('credential names', () => {
  it('masks credential-named values but not our own settings', () => {
    const after = '{\n  "env": {\n    "MCP_TRAY_KEYCHAIN_SERVICE": "MCP Tray test",\n    "githubToken": "abc",\n    "DB_PASSWORD": "pw",\n    "OPENAI_API_KEY": "sk"\n  }\n}\n';
    const diff = unifiedDiff('/c.json', null, after);
    expect(diff).toContain('"MCP_TRAY_KEYCHAIN_SERVICE": "MCP Tray test"');
    expect(diff).toContain('"githubToken": "[redacted]"');
    expect(diff).toContain('"DB_PASSWORD": "[redacted]"');
    expect(diff).toContain('"OPENAI_API_KEY": "[redacted]"');
  });
});
