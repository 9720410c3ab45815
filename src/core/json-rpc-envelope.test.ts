import { JSONRPCMessageSchema } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { asJsonRpcMessage } from './json-rpc-envelope';

// Each line as a server might print it; the hand-written check must agree with the SDK's schema on all of them.
const LINES = [
  '{"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":"ping"}]}}',
  '{"result":{},"jsonrpc":"2.0","id":"a-string-id"}',
  '{"jsonrpc":"2.0","id":7,"result":{"_meta":{"progressToken":3},"content":[]}}',
  '{"jsonrpc":"2.0","id":7,"result":{"_meta":{"progressToken":{"not":"a token"}}}}',
  '{"jsonrpc":"2.0","id":7,"result":[]}',
  '{"jsonrpc":"2.0","id":7,"result":null}',
  '{"jsonrpc":"2.0","id":7,"result":"text"}',
  '{"jsonrpc":"2.0","id":7,"result":{},"extra":true}',
  '{"jsonrpc":"2.0","result":{}}',
  '{"jsonrpc":"2.0","id":1.5,"result":{}}',
  '{"jsonrpc":"2.0","id":-0,"result":{}}',
  '{"jsonrpc":"2.0","id":9007199254740993,"result":{}}',
  '{"jsonrpc":"2.0","id":null,"result":{}}',
  '{"jsonrpc":"2.0","id":true,"result":{}}',
  '{"jsonrpc":"1.0","id":1,"result":{}}',
  '{"id":1,"result":{}}',
  '{"jsonrpc":"2.0","method":"notifications/tools/list_changed"}',
  '{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":1,"progress":5,"total":10}}',
  '{"jsonrpc":"2.0","method":"notifications/message","params":{"level":"info","data":{"a":1}}}',
  '{"jsonrpc":"2.0","method":"notifications/message","params":{"_meta":{"x":1},"level":"info"}}',
  '{"jsonrpc":"2.0","method":"notifications/message","params":[1,2]}',
  '{"jsonrpc":"2.0","method":"notifications/message","params":null}',
  '{"jsonrpc":"2.0","method":42}',
  '{"jsonrpc":"2.0","method":"ping","id":3}',
  '{"jsonrpc":"2.0","method":"roots/list","id":"r1","params":{}}',
  '{"jsonrpc":"2.0","method":"roots/list","id":"r1","params":{},"result":{}}',
  '{"jsonrpc":"2.0","method":"sampling/createMessage","id":4,"params":{"messages":[]},"unknown":1}',
  '{"jsonrpc":"2.0","id":5,"error":{"code":-32601,"message":"Method not found"}}',
  '{"jsonrpc":"2.0","error":{"code":-32700,"message":"Parse error"}}',
  '{"jsonrpc":"2.0","id":5,"error":{"code":"bad","message":"x"}}',
  '{"jsonrpc":"2.0","__proto__":{"result":{}},"id":1}',
  '{"jsonrpc":"2.0","id":1,"result":{"__proto__":{"x":1}}}',
  '{"jsonrpc":"2.0","method":"notifications/message","params":{"__proto__":{"level":"x"}}}',
  '[{"jsonrpc":"2.0","id":1,"result":{}}]',
  '"just a string"',
  '42',
  'null',
];

describe('asJsonRpcMessage', () => {
  it.each(LINES)('agrees with the SDK schema on %s', (line) => {
    const value: unknown = JSON.parse(line);
    const schema = JSONRPCMessageSchema.safeParse(value);
    const ours = asJsonRpcMessage(value);
    if (schema.success) expect(ours).toEqual(schema.data);
    else expect(ours).toBeUndefined();
  });

  it('answers with the parsed object itself for an everyday result, without copying it', () => {
    const value: unknown = JSON.parse('{"jsonrpc":"2.0","id":1,"result":{"content":[]}}');
    expect(asJsonRpcMessage(value)).toBe(value);
  });
});
