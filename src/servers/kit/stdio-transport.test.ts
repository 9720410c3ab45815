import type { JSONRPCMessage } from '@modelcontextprotocol/server';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { JsonRpcStdioTransport } from './stdio-transport';

const ping = (id: number) => `${JSON.stringify({ jsonrpc: '2.0', id, method: 'ping' })}\n`;

async function startTransport(maxLineLength?: number) {
  const input = new PassThrough();
  const output = new PassThrough();
  const received: JSONRPCMessage[] = [];
  const answered: Array<{ error?: { code: number; message: string } }> = [];
  output.setEncoding('utf8');
  output.on('data', (text: string) => {
    for (const line of text.split('\n').filter(Boolean)) answered.push(JSON.parse(line) as (typeof answered)[number]);
  });
  const transport = new JsonRpcStdioTransport(input, output, maxLineLength);
  transport.onmessage = (message) => received.push(message);
  await transport.start();
  /** Writes each piece as its own chunk, then waits until the transport has read them all. */
  const feed = async (...pieces: string[]) => {
    for (const piece of pieces) input.write(piece);
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
  return { transport, feed, received, answered };
}

describe('JsonRpcStdioTransport', () => {
  it('joins a message that arrives in pieces, and reads several messages from one chunk', async () => {
    const { transport, feed, received } = await startTransport();
    const whole = ping(1);
    await feed(whole.slice(0, 5), whole.slice(5, 20), whole.slice(20));
    await feed(ping(2) + ping(3) + '\r\n' + ping(4).replace('\n', '\r\n'));
    expect(received.map((message) => ('id' in message ? message.id : undefined))).toEqual([1, 2, 3, 4]);
    await transport.close();
  });

  it('drops a message too long to take with one parse error, however many pieces it comes in, and reads the next one', async () => {
    const { transport, feed, received, answered } = await startTransport(100);
    const tooLong = `{"jsonrpc":"2.0","id":9,"method":"ping","params":{"pad":"${'x'.repeat(300)}"}}\n`;
    await feed(...tooLong.match(/[^]{1,40}/g)!);
    await feed(ping(10));
    expect(answered).toEqual([{ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error: a message longer than 100 characters was dropped.' } }]);
    expect(received.map((message) => ('id' in message ? message.id : undefined))).toEqual([10]);
    await transport.close();
  });

  it('drops a message too long to take that arrives in one chunk', async () => {
    const { transport, feed, received, answered } = await startTransport(100);
    await feed(`{"pad":"${'x'.repeat(300)}"}\n${ping(11)}`);
    expect(answered.map((answer) => answer.error?.code)).toEqual([-32700]);
    expect(received.map((message) => ('id' in message ? message.id : undefined))).toEqual([11]);
    await transport.close();
  });
});
