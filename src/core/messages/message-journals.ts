import { BYTES_PER_MB } from '../../shared/message-size';
import type { MessagesAppended } from '../../shared/messages-contract';
import { MessageJournal } from './message-journal';

/** Runs `run` once after `ms`; the real clock unless a test brings its own. */
export type NoticeScheduler = (run: () => void, ms: number) => void;

export interface MessageJournalsOptions {
  /** The buffer of each server, in megabytes (the messageBufferMb setting). */
  bufferMb(): number;
  /** Tells listeners of messages.appended that a server's journal has new messages. */
  onAppended(notice: MessagesAppended): void;
  scheduler?: NoticeScheduler;
}

/** The most messages a server's journal holds, however small they are. */
export const MAX_MESSAGES_PER_SERVER = 100_000;
/** A server's new messages are announced at most this often, in one notice. */
export const APPENDED_NOTICE_MS = 100;

const realClock: NoticeScheduler = (run, ms) => {
  setTimeout(run, ms).unref();
};

/**
 * Every server's message journal. New messages are announced per server as one notice per
 * window, never one event per message: whoever looks asks for the summaries (messages.query with
 * afterSeq), so a busy wire costs nothing where nobody does.
 */
export class MessageJournals {
  private readonly journals = new Map<string, MessageJournal>();
  /** Servers with messages not yet announced. */
  private readonly unannounced = new Set<string>();
  private noticeDue = false;
  private readonly scheduler: NoticeScheduler;

  constructor(private readonly options: MessageJournalsOptions) {
    this.scheduler = options.scheduler ?? realClock;
  }

  of(serverId: string): MessageJournal {
    let journal = this.journals.get(serverId);
    if (!journal) {
      journal = new MessageJournal({
        serverId,
        maxBytes: () => this.options.bufferMb() * BYTES_PER_MB,
        maxCount: MAX_MESSAGES_PER_SERVER,
        onAppend: () => this.appended(serverId),
      });
      this.journals.set(serverId, journal);
    }
    return journal;
  }

  /** A server removed for good: its messages go with it. */
  forget(serverId: string): void {
    this.journals.delete(serverId);
    this.unannounced.delete(serverId);
  }

  private appended(serverId: string): void {
    this.unannounced.add(serverId);
    if (this.noticeDue) return;
    this.noticeDue = true;
    this.scheduler(() => this.announce(), APPENDED_NOTICE_MS);
  }

  private announce(): void {
    this.noticeDue = false;
    const serverIds = [...this.unannounced];
    this.unannounced.clear();
    for (const serverId of serverIds) {
      const journal = this.journals.get(serverId);
      if (journal) this.options.onAppended({ serverId, lastSeq: journal.lastSeq });
    }
  }
}
