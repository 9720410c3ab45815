import { ContractError } from '../../shared/contract';
import type { MessageJournals } from '../messages/message-journals';
import type { CoreParts, HandlersOf } from './core-parts';

export function messageHandlers(parts: CoreParts, journals: MessageJournals): HandlersOf<'messages.query' | 'messages.get'> {
  return {
    'messages.query': async ({ serverId, afterSeq, limit, filters }) => {
      const journal = journals.of(parts.catalog.get(serverId).id);
      return { messages: journal.query(afterSeq, limit, filters), stats: journal.stats(), sessions: journal.sessions(), lastSeq: journal.lastSeq };
    },
    'messages.get': async ({ serverId, seq }) => {
      const detail = journals.of(parts.catalog.get(serverId).id).get(seq);
      if (!detail) throw new ContractError('not_found', `Message ${seq} of "${serverId}" is no longer in the message buffer (older messages make room for new ones). Raise "Messages kept per server" in Settings to keep more.`);
      return detail;
    },
  };
}
