import { describe, expect, it } from 'vitest';
import { errorLine, notificationLine, parseLine, requestLine, resultLine } from './json-rpc-lines';

describe('the lines the hub writes', () => {
  it('starts a response with jsonrpc and id, and puts a request\'s method before its id', () => {
    expect(resultLine('a', { x: 1 })).toBe('{"jsonrpc":"2.0","id":"a","result":{"x":1}}');
    expect(errorLine(3, { code: -32601, message: 'no', data: { why: 1 } })).toBe('{"jsonrpc":"2.0","id":3,"error":{"code":-32601,"message":"no","data":{"why":1}}}');
    expect(requestLine(4, 'roots/list', {})).toBe('{"jsonrpc":"2.0","method":"roots/list","params":{},"id":4}');
    expect(notificationLine('notifications/tools/list_changed', undefined)).toBe('{"jsonrpc":"2.0","method":"notifications/tools/list_changed"}');
  });
});

describe('parseLine', () => {
  it('sorts requests, notifications and responses, one or a batch', () => {
    expect(parseLine('{"jsonrpc":"2.0","id":"1","method":"ping"}')).toEqual([{ kind: 'request', id: '1', method: 'ping', params: undefined }]);
    expect(parseLine('[{"jsonrpc":"2.0","method":"notifications/initialized"},{"jsonrpc":"2.0","id":2,"result":{}}]')).toEqual([
      { kind: 'notification', method: 'notifications/initialized', params: undefined },
      { kind: 'response', id: 2, result: {} },
    ]);
    expect(parseLine('{"jsonrpc":"2.0","id":5,"error":{"code":-1,"message":"declined"}}')).toEqual([{ kind: 'error-response', id: 5, error: { code: -1, message: 'declined' } }]);
  });

  it('says what is wrong with a line that is not a message', () => {
    expect(parseLine('{nope')).toEqual([{ kind: 'invalid', id: null, message: 'Parse error: the line is not JSON.' }]);
    expect(parseLine('{"jsonrpc":"2.0","id":1,"method":"x","params":[1]}')).toEqual([{ kind: 'invalid', id: 1, message: 'Invalid request: params must be an object.' }]);
    expect(parseLine('{"jsonrpc":"2.0","id":{},"method":"x"}')[0]).toMatchObject({ kind: 'invalid', id: null });
    expect(parseLine('[]')[0]).toMatchObject({ kind: 'invalid' });
  });
});
