/**
 * What travels between a surface adapter (Electron IPC, HTTP) and the renderer. Both adapters
 * answer every method call with the same envelope, so the renderer sees one error shape with a
 * code, whichever transport carried it.
 */
import { z } from 'zod';
import { ContractErrorSchema, type EventName, type MethodName } from './contract';

export const ResponseEnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: ContractErrorSchema }),
]);
export type ResponseEnvelope = z.infer<typeof ResponseEnvelopeSchema>;

/** The IPC channel of one contract method. */
export const methodChannel = (method: MethodName): string => `mcp-tray:call:${method}`;
/** The IPC channel on which one contract event is pushed to the window. */
export const eventChannel = (event: EventName): string => `mcp-tray:event:${event}`;

/**
 * What the preload exposes as `window.mcpTray`: one function per contract method and one
 * subscription per event (returning its unsubscribe), built from the contract's keys. No generic
 * invoke: a renderer cannot reach a channel the contract does not name.
 */
export interface PreloadBridge {
  methods: { readonly [M in MethodName]: (input: unknown) => Promise<ResponseEnvelope> };
  events: { readonly [E in EventName]: (listener: (payload: unknown) => void) => () => void };
  platform: string;
}
