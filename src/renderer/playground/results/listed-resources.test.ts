import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../api/api-client';
import { listedResourceUris } from './listed-resources';

/** An API whose resources.list answers when told to, counting the calls it gets. */
function countingApi() {
  const answers: Array<() => void> = [];
  let calls = 0;
  const api = {
    transport: 'http',
    call: () => {
      calls++;
      return new Promise((resolve) => answers.push(() => resolve({ resources: [{ uri: 'demo://a', name: 'a' }], resourceTemplates: [] })));
    },
    on: () => () => undefined,
  } as unknown as ApiClient;
  return { api, calls: () => calls, answerAll: () => answers.splice(0).forEach((answer) => answer()) };
}

describe('listedResourceUris', () => {
  it('asks once for the links that render together, and again once that answer is in', async () => {
    const { api, calls, answerAll } = countingApi();
    const together = [listedResourceUris(api, 'demo'), listedResourceUris(api, 'demo'), listedResourceUris(api, 'demo')];
    expect(calls()).toBe(1);
    answerAll();
    const lists = await Promise.all(together);
    expect(lists.every((uris) => uris.has('demo://a') && !uris.has('demo://b'))).toBe(true);
    const later = listedResourceUris(api, 'demo');
    expect(calls()).toBe(2);
    answerAll();
    await later;
  });
});
