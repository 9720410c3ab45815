import type { PendingServerRequest } from '../../shared/server-requests-contract';

export type SamplingRequest = Extract<PendingServerRequest, { method: 'sampling/createMessage' }>;
export type ElicitationRequest = Extract<PendingServerRequest, { method: 'elicitation/create' }>;
export type SamplingMessage = SamplingRequest['params']['messages'][number];
export type SamplingContent = Extract<SamplingMessage['content'], { type: string }>;
export type FormElicitation = Extract<ElicitationRequest['params'], { requestedSchema: unknown }>;
export type UrlElicitation = Extract<ElicitationRequest['params'], { url: string }>;

/** The blocks of a sampling message, whose content is one block or a list of them. */
export function contentBlocks(message: SamplingMessage): SamplingContent[] {
  return Array.isArray(message.content) ? message.content : [message.content];
}

export function isUrlElicitation(params: ElicitationRequest['params']): params is UrlElicitation {
  return params.mode === 'url';
}

/** The dialog's title: what the server wants of the person. */
export function requestTitle(request: PendingServerRequest): string {
  if (request.method === 'sampling/createMessage') return 'A server asks for a reply';
  return isUrlElicitation(request.params) ? 'A server asks you to open a page' : 'A server asks for information';
}
