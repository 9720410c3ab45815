// The smallest useful SDK server: one tool over stdio. Cold-start baseline for bench/servers.bench.ts.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';

const server = new McpServer({ name: 'bench-minimal', version: '0.0.0' });
server.registerTool('echo', { description: 'Echoes its input.', inputSchema: { text: z.string() } }, ({ text }) => ({
  content: [{ type: 'text', text }],
}));
await server.connect(new StdioServerTransport());
