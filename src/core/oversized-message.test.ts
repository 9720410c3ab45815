import { describe, expect, it } from 'vitest';
import type { OversizedLine } from './message-line-reader';
import { describeOversizedLine, tooLargeErrorResponse } from './oversized-message';

const MB = 1024 * 1024;
const line = (head: string, tail: string): OversizedLine => ({ bytes: 2.8 * MB, limitBytes: MB, head, tail });

describe('describeOversizedLine', () => {
  it('finds the id an SDK server writes after the result, at the end of the line', () => {
    const report = describeOversizedLine(line('{"result":{"content":[{"type":"text","text":"aaaa', 'aaaa"}]},"jsonrpc":"2.0","id":12}'));
    expect(report.id).toBe(12);
    expect(report.callMessage).toMatch(/^the response was too large \(2\.8 MB, limit 1 MB\)/);
    expect(report.logMessage).toContain('request 12');
  });

  it('finds a string id, and one written first', () => {
    expect(describeOversizedLine(line('{"result":{"x":"', 'x"},"jsonrpc":"2.0","id":"call \\"7\\""}\n')).id).toBe('call "7"');
    expect(describeOversizedLine(line('{"jsonrpc":"2.0","id":"abc","result":{"content":[', 'aaaa"}]}}')).id).toBe('abc');
  });

  it('fails no call for a request or notification of the server, or an id nested in the content', () => {
    expect(describeOversizedLine(line('{"method":"sampling/createMessage","params":{', '}},"jsonrpc":"2.0","id":3}')).id).toBeUndefined();
    expect(describeOversizedLine(line('{"jsonrpc":"2.0","id":3,"method":"roots/list"', '}')).id).toBeUndefined();
    expect(describeOversizedLine(line('{"result":{"items":[', '{"id":5}]}}')).id).toBeUndefined();
    const dropped = describeOversizedLine(line('{"method":"notifications/message","params":{', '"}}'));
    expect(dropped.logMessage).toMatch(/^a message too large to read was dropped \(2\.8 MB, limit 1 MB\)/);
  });

  it('takes an id that is not valid JSON as no id, without throwing', () => {
    for (const tail of ['"}]},"jsonrpc":"2.0","id":0123}', '"}]},"jsonrpc":"2.0","id":"\\q"}', '"}]},"jsonrpc":"2.0","id":"a\tb"}']) {
      expect(describeOversizedLine(line('{"result":{"content":[{"text":"', tail)).id).toBeUndefined();
    }
  });

  it('builds the JSON-RPC error that answers the waiting call', () => {
    const oversized = line('{"result":', '"id":4}');
    expect(tooLargeErrorResponse(4, oversized, 'the response was too large')).toEqual({
      jsonrpc: '2.0',
      id: 4,
      error: { code: -32603, message: 'the response was too large', data: { bytes: oversized.bytes, limitBytes: MB } },
    });
  });
});
