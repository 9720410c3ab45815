import type { MessageQueryResult } from './messages-contract';

export interface MessageFollowOptions {
  /** messages.query for the followed server and filters, after `afterSeq`, at most `limit`. */
  query(afterSeq: number, limit: number): Promise<MessageQueryResult>;
  limit: number;
  /** The new messages, in order; the next query waits until this is done. */
  onAnswer(answer: MessageQueryResult): void | Promise<void>;
  onError?(failure: unknown): void;
}

export interface MessageFollow {
  /** The first query is in, up to `lastSeq`: follow on from there. */
  start(lastSeq: number): void;
  /** A messages.appended notice for the followed server. */
  notice(lastSeq: number): void;
  stop(): void;
  /** Settles once no query or answer is under way. */
  idle(): Promise<void>;
}

/**
 * Follows a server's journal by notices: each pulls what is new with one query, one query at a
 * time; notices that arrive while one runs make exactly one more.
 */
export function followMessages(options: MessageFollowOptions): MessageFollow {
  let cursor: number | undefined;
  let newest = 0;
  let running: Promise<void> | undefined;
  let stopped = false;

  const pull = (afterSeq: number): Promise<void> =>
    options.query(afterSeq, options.limit).then(
      async (answer) => {
        if (stopped) return;
        const last = answer.messages.at(-1);
        // A full answer may stop short of the newest: the next query goes on from its last message.
        cursor = answer.messages.length >= options.limit && last ? last.seq : Math.max(afterSeq, answer.lastSeq);
        await options.onAnswer(answer);
      },
      (failure: unknown) => {
        if (stopped) return;
        // Wait for the next notice rather than retrying at once.
        newest = afterSeq;
        options.onError?.(failure);
      },
    );

  const pump = (): void => {
    if (running || stopped || cursor === undefined || newest <= cursor) return;
    running = pull(cursor).finally(() => {
      running = undefined;
      pump();
    });
  };

  return {
    start(lastSeq) {
      cursor = lastSeq;
      pump();
    },
    notice(lastSeq) {
      newest = Math.max(newest, lastSeq);
      pump();
    },
    stop() {
      stopped = true;
    },
    async idle() {
      while (running) await running;
    },
  };
}
