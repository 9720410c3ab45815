import { describe, expect, it } from 'vitest';
import type { MessagesAppended } from '../../shared/messages-contract';
import { APPENDED_NOTICE_MS, MessageJournals, type NoticeScheduler } from './message-journals';
import type { NewJournalEntry } from './message-journal';

/** A clock that runs what is due only when the test says so. */
function manualClock(): { scheduler: NoticeScheduler; delays: number[]; runDue(): void } {
  let due: Array<() => void> = [];
  const delays: number[] = [];
  return {
    scheduler: (run, ms) => {
      delays.push(ms);
      due.push(run);
    },
    delays,
    runDue() {
      const now = due;
      due = [];
      for (const run of now) run();
    },
  };
}

function entry(n: number): NewJournalEntry {
  const text = `{"jsonrpc":"2.0","method":"notifications/progress","params":{"n":${n}}}`;
  return { time: Date.now(), direction: 'from-server', kind: 'notification', method: 'notifications/progress', id: null, bytes: text.length, latencyMs: null, session: null, callId: null, text };
}

describe('MessageJournals', () => {
  it('announces a burst of messages with one notice per server per window, carrying the newest seq', () => {
    const clock = manualClock();
    const notices: MessagesAppended[] = [];
    const journals = new MessageJournals({ bufferMb: () => 8, onAppended: (notice) => notices.push(notice), scheduler: clock.scheduler });
    for (let n = 0; n < 1_000; n++) {
      journals.of('alpha').append(entry(n));
      if (n % 2 === 0) journals.of('beta').append(entry(n));
    }
    expect(notices).toEqual([]);
    expect(clock.delays).toEqual([APPENDED_NOTICE_MS]);

    clock.runDue();
    expect(notices).toEqual([
      { serverId: 'alpha', lastSeq: 1_000 },
      { serverId: 'beta', lastSeq: 500 },
    ]);

    clock.runDue();
    expect(notices).toHaveLength(2);
    journals.of('beta').append(entry(1_000));
    clock.runDue();
    expect(notices.slice(2)).toEqual([{ serverId: 'beta', lastSeq: 501 }]);
    expect(clock.delays).toEqual([APPENDED_NOTICE_MS, APPENDED_NOTICE_MS]);
  });

  it('says nothing of a server forgotten before its notice was due', () => {
    const clock = manualClock();
    const notices: MessagesAppended[] = [];
    const journals = new MessageJournals({ bufferMb: () => 8, onAppended: (notice) => notices.push(notice), scheduler: clock.scheduler });
    journals.of('gone').append(entry(1));
    journals.forget('gone');
    clock.runDue();
    expect(notices).toEqual([]);
  });
});
