import { BYTES_PER_MB } from '../../shared/message-size';
import type { MessageSummary } from '../../shared/messages-contract';
import { MessageJournal, type JournalEntry } from './message-journal';

export interface MessageJournalsOptions {
  /** The buffer of each server, in megabytes (the messageBufferMb setting). */
  bufferMb(): number;
  /** Tells listeners of messages.entry, a moment after the message crossed the wire. */
  onEntry(summary: MessageSummary): void;
}

/** The most messages a server's journal holds, however small they are. */
export const MAX_MESSAGES_PER_SERVER = 100_000;

/**
 * Every server's message journal. New messages are announced in a batch on the next turn of the
 * event loop, so the wire is never kept waiting for the summaries the UI gets.
 */
export class MessageJournals {
  private readonly journals = new Map<string, MessageJournal>();
  private announce: Array<[MessageJournal, JournalEntry]> = [];
  private announcing = false;

  constructor(private readonly options: MessageJournalsOptions) {}

  of(serverId: string): MessageJournal {
    let journal = this.journals.get(serverId);
    if (!journal) {
      const created: MessageJournal = new MessageJournal({
        serverId,
        maxBytes: () => this.options.bufferMb() * BYTES_PER_MB,
        maxCount: MAX_MESSAGES_PER_SERVER,
        onAppend: (entry) => this.queue(created, entry),
      });
      journal = created;
      this.journals.set(serverId, journal);
    }
    return journal;
  }

  /** A server removed for good: its messages go with it. */
  forget(serverId: string): void {
    this.journals.delete(serverId);
  }

  private queue(journal: MessageJournal, entry: JournalEntry): void {
    this.announce.push([journal, entry]);
    if (this.announcing) return;
    this.announcing = true;
    setImmediate(() => {
      const batch = this.announce;
      this.announce = [];
      this.announcing = false;
      for (const [owner, queued] of batch) this.options.onEntry(owner.summaryOf(queued));
    });
  }
}
