import { useEffect, useRef, useState } from 'react';
import { messageOf } from '../../../shared/error-message';
import { COMPLETION_DEBOUNCE_MS, LatestRequest } from './completion-list';

/** The server's completion/complete answer, as the field shows it. */
export interface CompletionAnswer {
  values: string[];
  total?: number | undefined;
  hasMore?: boolean | undefined;
}

/** Asks the server for completions of one argument's value. */
export type Suggest = (value: string) => Promise<CompletionAnswer>;

export type CompletionState = { status: 'idle' } | { status: 'ready'; answer: CompletionAnswer } | { status: 'error'; message: string };

/**
 * Suggestions for a field while it has focus: asked for once typing pauses, and only the answer
 * to the latest value is kept (an answer that arrives after a newer keystroke is dropped).
 */
export function useCompletions(suggest: Suggest | undefined, value: string, active: boolean): CompletionState {
  const [state, setState] = useState<CompletionState>({ status: 'idle' });
  const requests = useRef(new LatestRequest());
  const suggestRef = useRef(suggest);
  suggestRef.current = suggest;
  const enabled = suggest !== undefined && active;

  useEffect(() => {
    const latest = requests.current;
    if (!enabled) {
      latest.cancel();
      setState({ status: 'idle' });
      return;
    }
    const timer = setTimeout(() => {
      const request = latest.next();
      suggestRef.current?.(value).then(
        (answer) => {
          if (latest.isCurrent(request)) setState({ status: 'ready', answer });
        },
        (error: unknown) => {
          if (latest.isCurrent(request)) setState({ status: 'error', message: messageOf(error) });
        },
      );
    }, COMPLETION_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      latest.cancel();
    };
  }, [enabled, value]);

  return state;
}
