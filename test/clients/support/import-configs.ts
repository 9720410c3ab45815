/**
 * A config file of each client as people have them, each holding a stdio server named "github"
 * with a plaintext token in its env (it runs the chaos fixture server, so the test can start it),
 * another stdio server, a remote entry, and keys MCP Tray knows nothing about. `entryName` is the
 * entry the test imports and expects to be rewritten; everything else must stay byte for byte.
 */
import type { ClientId } from '../../../src/shared/contract';

export interface ImportFixture {
  clientId: ClientId;
  /** The remote entry's name, listed as "remote, not imported yet". */
  remoteName: string;
  text: string;
}

interface FixtureValues {
  node: string;
  server: string;
  token: string;
}

const json = (value: string) => JSON.stringify(value);

export function importFixtures({ node, server, token }: FixtureValues): ImportFixture[] {
  const github = (indent: string, extra = '') =>
    `{
${indent}  "command": ${json(node)},
${indent}  "args": [${json(server)}],
${indent}  "env": {
${indent}    "GITHUB_PERSONAL_ACCESS_TOKEN": ${json(token)},
${indent}    "LOG_LEVEL": "info"
${indent}  }${extra}
${indent}}`;
  return [
    {
      clientId: 'claude-desktop',
      remoteName: 'remote-notes',
      text: `{
  "globalShortcut": "Alt+Space",
  "mcpServers": {
    "filesystem": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-filesystem", "/home/ada/Documents"]
    },
    "github": ${github('    ')},
    "remote-notes": { "url": "https://notes.example.com/mcp" }
  },
  "preferences": { "quickEntryShortcut": "off", "menuBarEnabled": true }
}
`,
    },
    {
      clientId: 'claude-code',
      remoteName: 'linear',
      text: `{
  "numStartups": 42,
  "installMethod": "native",
  "autoUpdates": true,
  "tipsHistory": { "new-user-warmup": 7 },
  "mcpServers": {
    "github": ${github('    ', ',\n      "type": "stdio"')},
    "linear": { "type": "http", "url": "https://mcp.linear.app/mcp" }
  },
  "projects": {
    "/home/ada/app": {
      "allowedTools": [],
      "mcpServers": {
        "postgres": { "type": "stdio", "command": "npx", "args": ["-y", "@modelcontextprotocol/server-postgres", "postgresql://localhost/app"], "env": {} }
      },
      "hasTrustDialogAccepted": true
    }
  },
  "userID": "5b0e0f3c0a6f"
}
`,
    },
    {
      clientId: 'cursor',
      remoteName: 'figma',
      text: `{
  "mcpServers": {
    "github": ${github('    ')},
    "figma": { "url": "http://127.0.0.1:3845/sse" },
    "sequential-thinking": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-sequential-thinking"] }
  }
}
`,
    },
    {
      clientId: 'copilot',
      remoteName: 'docs',
      text: `{
  "mcpServers": {
    "github": ${github('    ', ',\n      "type": "local",\n      "tools": ["*"]')},
    "docs": { "type": "http", "url": "https://docs.example.com/mcp", "tools": ["*"] }
  }
}
`,
    },
    {
      clientId: 'vscode',
      remoteName: 'docs',
      text: `// My MCP servers
{
  "inputs": [
    { "type": "promptString", "id": "perplexity-key", "description": "Perplexity API Key", "password": true }
  ],
  "servers": {
    // the one with the token
    "github": ${github('    ', ',\n      "type": "stdio"')},
    "perplexity": {
      "type": "stdio",
      "command": "npx",
      "args": ["-y", "server-perplexity-ask"],
      "env": { "PERPLEXITY_API_KEY": "\${input:perplexity-key}" }
    },
    "docs": { "type": "http", "url": "https://docs.example.com/mcp" }, // remote
  },
}
`,
    },
    {
      clientId: 'windsurf',
      remoteName: 'remote-search',
      text: `{
  "mcpServers": {
    "github": ${github('    ')},
    "remote-search": { "serverUrl": "https://search.example.com/mcp" }
  }
}
`,
    },
    {
      clientId: 'codex',
      remoteName: 'docs',
      text: `# Codex settings, edited by hand
model = "gpt-5.5-codex"
approval_policy = "on-request"   # ask before running anything

[mcp_servers.context7]
command = "npx"
args = ["-y", "@upstash/context7-mcp"]

[mcp_servers.github]
command = ${json(node)}
args = [${json(server)}]
startup_timeout_sec = 20
env = { GITHUB_PERSONAL_ACCESS_TOKEN = ${json(token)}, LOG_LEVEL = "info" }

# The docs server is remote.
[mcp_servers.docs]
url = "https://docs.example.com/mcp"
bearer_token_env_var = "DOCS_TOKEN"

[profiles.fast]
model = "gpt-5-mini"   # cheap
`,
    },
    {
      clientId: 'gemini-cli',
      remoteName: 'remote-tools',
      text: `{
  "theme": "GitHub",
  "selectedAuthType": "oauth-personal",
  "mcpServers": {
    "github": ${github('    ', ',\n      "timeout": 30000,\n      "trust": false')},
    "remote-tools": { "httpUrl": "https://tools.example.com/mcp" }
  }
}
`,
    },
    {
      clientId: 'zed',
      remoteName: 'remote-context',
      text: `// Zed settings
{
  "theme": { "mode": "system", "light": "One Light", "dark": "One Dark" },
  "context_servers": {
    "github": ${github('    ')},
    "remote-context": { "url": "https://context.example.com/mcp" },
  },
  "vim_mode": false,
}
`,
    },
    {
      clientId: 'lm-studio',
      remoteName: 'hf',
      text: `{
  "mcpServers": {
    "github": ${github('    ')},
    "hf": { "url": "https://huggingface.co/mcp" }
  }
}
`,
    },
  ];
}
