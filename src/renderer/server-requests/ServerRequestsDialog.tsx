import { useEffect } from 'react';
import { useServer } from '../servers/servers-context';
import { Modal } from '../ui/Modal';
import { Countdown } from './Countdown';
import { ElicitationFormView } from './ElicitationFormView';
import { ElicitationUrlView } from './ElicitationUrlView';
import { isUrlElicitation, requestTitle } from './request-kinds';
import { SamplingRequestView } from './SamplingRequestView';
import { useAnswer } from './use-answer';
import { useServerRequests } from './use-server-requests';
import '../styles/server-requests.css';

/**
 * The window's queue of server requests waiting for a person, oldest first, one dialog at a time.
 * Closing the dialog is an answer too: an elicitation is cancelled (dismissed without a choice), a
 * sampling request is rejected.
 */
export function ServerRequestsDialog() {
  const { requests } = useServerRequests();
  const request = requests[0];
  const server = useServer(request?.serverId ?? '');
  const answering = useAnswer();
  const { clearError } = answering;
  useEffect(clearError, [request?.id]);

  const dismiss = () => {
    if (!request) return;
    answering.send(request.method === 'elicitation/create' ? { id: request.id, result: { action: 'cancel' } } : { id: request.id, reject: 'Closed without a reply.' });
  };

  return (
    <Modal open={request !== undefined} title={request ? requestTitle(request) : ''} onClose={dismiss} size="large" testId="server-request-dialog" busy={answering.busy}>
      {request ? (
        <div key={request.id} data-request-id={request.id} data-method={request.method}>
          <p className="sr-origin">
            From <strong data-testid="server-request-server">{server?.name ?? request.serverId}</strong>
            {request.cause ? <>, during a call by {request.cause.client}</> : null}
            {requests.length > 1 ? <span className="sr-queue"> · 1 of {requests.length} waiting</span> : null} · <Countdown expiresAt={request.expiresAt} />
          </p>
          {request.method === 'sampling/createMessage' ? (
            <SamplingRequestView request={request} answering={answering} />
          ) : isUrlElicitation(request.params) ? (
            <ElicitationUrlView request={request} params={request.params} answering={answering} />
          ) : (
            <ElicitationFormView request={request} params={request.params} answering={answering} />
          )}
        </div>
      ) : null}
    </Modal>
  );
}
