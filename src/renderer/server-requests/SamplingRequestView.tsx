import { useId, useState } from 'react';
import { AnswerError } from './AnswerParts';
import type { Answering } from './use-answer';
import type { SamplingRequest } from './request-kinds';
import { SamplingMessages, SamplingSettings } from './SamplingMessages';

const STOP_REASONS = ['endTurn', 'stopSequence', 'maxTokens'] as const;

/** A sampling request: the conversation and its limits, and the reply a person writes in place of a model. */
export function SamplingRequestView({ request, answering }: { request: SamplingRequest; answering: Answering }) {
  const { params } = request;
  const [reply, setReply] = useState('');
  const [model, setModel] = useState('human');
  const [stopReason, setStopReason] = useState<(typeof STOP_REASONS)[number]>('endTurn');
  const [reason, setReason] = useState('');
  const ids = { reply: useId(), model: useId(), stop: useId(), reason: useId() };

  const send = () => answering.send({ id: request.id, result: { role: 'assistant', model: model.trim(), stopReason, content: { type: 'text', text: reply } } });

  return (
    <div className="sr-body" data-testid="sampling-request">
      {params.systemPrompt ? (
        <section>
          <h3>System prompt</h3>
          <pre className="sr-system-prompt" data-testid="sampling-system-prompt">
            {params.systemPrompt}
          </pre>
        </section>
      ) : null}
      <section>
        <h3>Messages</h3>
        <SamplingMessages messages={params.messages} />
      </section>
      <SamplingSettings params={params} />
      <form
        className="sr-reply"
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        <label htmlFor={ids.reply}>Your reply</label>
        <textarea id={ids.reply} value={reply} onChange={(event) => setReply(event.target.value)} rows={6} data-autofocus data-testid="sampling-reply" disabled={answering.busy} />
        <div className="sr-reply-fields">
          <label htmlFor={ids.model}>Model name</label>
          <input id={ids.model} value={model} onChange={(event) => setModel(event.target.value)} data-testid="sampling-model" disabled={answering.busy} />
          <label htmlFor={ids.stop}>Stop reason</label>
          <select id={ids.stop} value={stopReason} onChange={(event) => setStopReason(event.target.value as (typeof STOP_REASONS)[number])} disabled={answering.busy}>
            {STOP_REASONS.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
        <AnswerError answering={answering} />
        <div className="sr-actions">
          <label htmlFor={ids.reason} className="sr-reject-reason">
            Reason to reject (optional)
            <input id={ids.reason} value={reason} onChange={(event) => setReason(event.target.value)} disabled={answering.busy} />
          </label>
          <button type="button" className="btn btn-danger" onClick={() => answering.send({ id: request.id, reject: reason })} disabled={answering.busy} data-testid="sampling-reject">
            Reject
          </button>
          <button type="submit" className="btn btn-primary" disabled={answering.busy || reply.trim() === '' || model.trim() === ''} data-testid="sampling-send">
            Send
          </button>
        </div>
      </form>
    </div>
  );
}
