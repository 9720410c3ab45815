import { useState } from 'react';
import { AnswerError, CancelAndDecline } from './AnswerParts';
import type { Answering } from './use-answer';
import type { ElicitationRequest, UrlElicitation } from './request-kinds';
import { reviewUrl } from './url-check';

/**
 * A URL-mode elicitation: the full URL with its host set apart, opened only once the person
 * confirms, in the browser outside MCP Tray (MCP 2025-11-25, Client > Elicitation > Safe URL
 * Handling). Under Electron, window.open goes to the default browser through the main process.
 */
export function ElicitationUrlView({ request, params, answering }: { request: ElicitationRequest; params: UrlElicitation; answering: Answering }) {
  const review = reviewUrl(params.url);
  const [confirming, setConfirming] = useState(false);

  const open = () => {
    window.open(params.url, '_blank', 'noopener,noreferrer');
    answering.send({ id: request.id, result: { action: 'accept' } });
  };

  return (
    <div className="sr-body" data-testid="elicitation-url">
      <p className="sr-message-text">{params.message}</p>
      <p className="sr-url-host">
        Site: <strong data-testid="elicitation-url-host">{review.host || 'unknown'}</strong>
      </p>
      <pre className="sr-url" data-testid="elicitation-url-text">
        {params.url}
      </pre>
      {review.warnings.length > 0 ? (
        <ul className="sr-url-warnings" role="alert">
          {review.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
      <AnswerError answering={answering} />
      <div className="sr-actions">
        <CancelAndDecline id={request.id} answering={answering} />
        {confirming ? (
          <button type="button" className="btn btn-primary" onClick={open} disabled={answering.busy} data-testid="elicitation-url-confirm">
            Yes, open {review.host}
          </button>
        ) : (
          <button type="button" className="btn btn-primary" onClick={() => setConfirming(true)} disabled={answering.busy || !review.openable} data-testid="elicitation-url-open">
            Open in browser…
          </button>
        )}
      </div>
    </div>
  );
}
