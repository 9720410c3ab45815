import { useState } from 'react';
import type { ServerRequestAnswer } from '../../shared/server-requests-contract';
import { messageOf } from '../../shared/error-message';
import { useApi } from '../app/api-context';

export interface Answering {
  send(answer: ServerRequestAnswer): void;
  busy: boolean;
  /** Why the manager refused the last answer (the request then still waits). */
  error: string | null;
  /** Forgets the last refusal, when the next request comes up. */
  clearError(): void;
}

/** Sends a person's answer; on success the request leaves the queue through serverRequests.changed. */
export function useAnswer(): Answering {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = (answer: ServerRequestAnswer) => {
    setBusy(true);
    setError(null);
    api.call('serverRequests.answer', answer).then(
      () => setBusy(false),
      (failure: unknown) => {
        setBusy(false);
        setError(messageOf(failure));
      },
    );
  };
  return { send, busy, error, clearError: () => setError(null) };
}
