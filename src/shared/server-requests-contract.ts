/**
 * The contract of the server-requests desk: what a server asked MCP Tray's window to answer
 * (sampling, elicitation) while no bridged client could take it, and how a person answers it.
 */
import { CreateMessageRequestParamsSchema, ElicitRequestParamsSchema } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { SERVER_ID_PATTERN, SERVER_ID_RULE } from './vocabulary';

const RequestIdSchema = z.string().min(1).max(100);

/** The bridged session whose running call made the server ask, when the manager can tell. */
export const ServerRequestCauseSchema = z.object({ sessionId: z.string(), client: z.string() });
export type ServerRequestCause = z.infer<typeof ServerRequestCauseSchema>;

const pendingFields = {
  id: RequestIdSchema,
  serverId: z.string().regex(SERVER_ID_PATTERN, SERVER_ID_RULE),
  receivedAt: z.string(),
  /** When the request times out unanswered. */
  expiresAt: z.string(),
  cause: ServerRequestCauseSchema.nullable(),
};

export const PendingServerRequestSchema = z.discriminatedUnion('method', [
  z.object({ ...pendingFields, method: z.literal('sampling/createMessage'), params: CreateMessageRequestParamsSchema }),
  z.object({ ...pendingFields, method: z.literal('elicitation/create'), params: ElicitRequestParamsSchema }),
]);
export type PendingServerRequest = z.infer<typeof PendingServerRequestSchema>;
export type PersonAnsweredMethod = PendingServerRequest['method'];

/**
 * A person's answer: the result as the method defines it (checked against the method's result
 * schema, and a form's content against the schema it asked for), or a rejection with a reason.
 */
export const ServerRequestAnswerSchema = z.union([
  z.object({ id: RequestIdSchema, result: z.record(z.string(), z.unknown()) }).strict(),
  z.object({ id: RequestIdSchema, reject: z.string().trim().max(2_000) }).strict(),
]);
export type ServerRequestAnswer = z.infer<typeof ServerRequestAnswerSchema>;

const PendingListSchema = z.object({ requests: z.array(PendingServerRequestSchema) });

export const serverRequestMethods = {
  /** The requests waiting for a person, oldest first. */
  'serverRequests.list': { input: z.object({}).default({}), output: PendingListSchema },
  'serverRequests.answer': { input: ServerRequestAnswerSchema, output: z.object({ answered: z.literal(true) }) },
} as const;

export const serverRequestEvents = {
  /** A request came, was answered, withdrawn by its server, or timed out: the requests waiting now. */
  'serverRequests.changed': PendingListSchema,
} as const;
