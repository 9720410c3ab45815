import type { ServerRequestDesk } from '../server-requests/server-request-desk';
import type { HandlersOf } from './core-parts';

/** The server requests waiting for a person, and the person's answers. */
export function serverRequestHandlers(desk: ServerRequestDesk): HandlersOf<'serverRequests.list' | 'serverRequests.answer'> {
  return {
    'serverRequests.list': async () => ({ requests: desk.list() }),
    'serverRequests.answer': async (answer) => {
      desk.answer(answer);
      return { answered: true };
    },
  };
}
