// A second cold-start baseline for bench/http.bench.ts: a bare SDK v2 server with one tool over stdio,
// bundled like the bundled servers, to show what the SDK itself costs against the 1.x reference.
import { McpServer } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import * as z from 'zod';

serveStdio(() => {
  const server = new McpServer({ name: 'bench-minimal-stdio', version: '0.0.0' });
  server.registerTool('echo', { description: 'Echoes its input.', inputSchema: z.object({ text: z.string() }) }, ({ text }) => ({
    content: [{ type: 'text', text }],
  }));
  return server;
});
