// The baseline bench/http.bench.ts compares the weather server against: a bare SDK v2 server over
// Streamable HTTP with one tool that answers a fixed payload (read from BENCH_PAYLOAD_FILE).
import { createMcpHandler, McpServer, type CallToolResult } from '@modelcontextprotocol/server';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as z from 'zod';

const payload = JSON.parse(readFileSync(process.env.BENCH_PAYLOAD_FILE ?? '', 'utf8')) as CallToolResult;

const handler = toNodeHandler(
  createMcpHandler(() => {
    const server = new McpServer({ name: 'bench-minimal-http', version: '0.0.0' });
    server.registerTool('get_weather', { inputSchema: z.object({ location: z.string() }) }, () => payload);
    return server;
  }),
);
const server = createServer((req, res) => void handler(req, res));
server.listen(0, '127.0.0.1', () => {
  process.stderr.write(`${JSON.stringify({ msg: 'listening', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp` })}\n`);
});
process.on('SIGTERM', () => process.exit(0));
