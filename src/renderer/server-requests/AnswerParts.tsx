import type { Answering } from './use-answer';

/** Why the manager refused the person's last answer; the request still waits. */
export function AnswerError({ answering }: { answering: Answering }) {
  if (!answering.error) return null;
  return (
    <p className="inline-error" role="alert" data-testid="server-request-error">
      {answering.error}
    </p>
  );
}

/** An elicitation's two ways to say no (MCP 2025-11-25, Client > Elicitation > Response Actions): dismiss it, or refuse explicitly. */
export function CancelAndDecline({ id, answering }: { id: string; answering: Answering }) {
  return (
    <>
      <button type="button" className="btn" onClick={() => answering.send({ id, result: { action: 'cancel' } })} disabled={answering.busy} data-testid="elicitation-cancel">
        Cancel
      </button>
      <button type="button" className="btn btn-danger" onClick={() => answering.send({ id, result: { action: 'decline' } })} disabled={answering.busy} data-testid="elicitation-decline">
        Decline
      </button>
    </>
  );
}
