import { describe, expect, it } from 'vitest';
import { followMessages } from './message-follow';
import type { MessageQueryResult, MessageSummary } from './messages-contract';

function summary(seq: number): MessageSummary {
  return { seq, serverId: 'demo', time: new Date(0).toISOString(), direction: 'from-server', kind: 'notification', method: 'notifications/x', id: null, bytes: 10, latencyMs: null, session: null, callId: null };
}

function answer(seqs: number[], lastSeq: number): MessageQueryResult {
  return { messages: seqs.map(summary), stats: { bytesUsed: 0, maxBytes: 1, count: 0, maxCount: 1, dropped: 0 }, sessions: [], lastSeq };
}

/** A query the test answers by hand, one at a time. */
function heldQueries(): { query: (afterSeq: number, limit: number) => Promise<MessageQueryResult>; asked: number[]; answer(result: MessageQueryResult): Promise<void> } {
  const waiting: Array<(result: MessageQueryResult) => void> = [];
  const asked: number[] = [];
  return {
    asked,
    query: (afterSeq) => {
      asked.push(afterSeq);
      return new Promise((resolve) => waiting.push(resolve));
    },
    async answer(result) {
      const next = waiting.shift();
      if (!next) throw new Error('no query is waiting');
      next(result);
      for (let turn = 0; turn < 5; turn++) await Promise.resolve();
    },
  };
}

describe('followMessages', () => {
  it('keeps one query in flight, and makes exactly one more for the notices that came meanwhile', async () => {
    const queries = heldQueries();
    const seen: number[] = [];
    const follow = followMessages({ query: queries.query, limit: 100, onAnswer: ({ messages }) => void seen.push(...messages.map((message) => message.seq)) });
    follow.notice(3);
    expect(queries.asked).toEqual([]);
    follow.start(2);
    expect(queries.asked).toEqual([2]);
    follow.notice(4);
    follow.notice(5);
    follow.notice(6);
    expect(queries.asked).toEqual([2]);
    await queries.answer(answer([3, 4], 4));
    expect(queries.asked).toEqual([2, 4]);
    await queries.answer(answer([5, 6, 7], 7));
    follow.notice(7);
    await follow.idle();
    expect(queries.asked).toEqual([2, 4]);
    expect(seen).toEqual([3, 4, 5, 6, 7]);
  });

  it('goes on from the last message of an answer that stopped at its limit', async () => {
    const queries = heldQueries();
    const follow = followMessages({ query: queries.query, limit: 2, onAnswer: () => {} });
    follow.start(0);
    follow.notice(5);
    await queries.answer(answer([1, 2], 5));
    await queries.answer(answer([3, 4], 5));
    await queries.answer(answer([5], 5));
    await follow.idle();
    expect(queries.asked).toEqual([0, 2, 4]);
  });
});
