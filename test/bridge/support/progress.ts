import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/** Progress a call received, through the SDK's onprogress callback. */
export interface ProgressRecorder {
  readonly messages: string[];
  /** Resolves at the first progress notification: the call has reached the server and runs there. */
  readonly started: Promise<void>;
  readonly onprogress: (progress: { message?: string }) => void;
}

export function recordProgress(): ProgressRecorder {
  const messages: string[] = [];
  let markStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  return {
    messages,
    started,
    onprogress: (progress) => {
      messages.push(progress.message ?? '');
      markStarted();
    },
  };
}

/** A call to the probe's `slow` tool that runs until it is cancelled, reporting progress every 100 ms. */
export const endlessSlow = (label: string) => ({ name: 'slow', arguments: { ms: 3_600_000, steps: 36_000, label } });

/** The options a call that runs until it is cancelled needs: no SDK timeout of its own. */
export const untilCancelled = (progress: ProgressRecorder, signal?: AbortSignal) => ({
  onprogress: progress.onprogress,
  resetTimeoutOnProgress: true,
  timeout: 600_000,
  ...(signal ? { signal } : {}),
});

interface Notification {
  method: string;
  params?: Record<string, unknown>;
}

export function notificationsOf(messages: readonly JSONRPCMessage[], method: string): Notification[] {
  return messages.filter((message): message is JSONRPCMessage & Notification => 'method' in message && !('id' in message) && message.method === method);
}

/** Ids of the requests among the messages. */
export function requestIds(messages: readonly JSONRPCMessage[]): Array<string | number> {
  return messages.flatMap((message) => ('method' in message && 'id' in message ? [message.id] : []));
}

interface SentRequest {
  params?: { _meta?: { progressToken?: unknown }; arguments?: { label?: unknown } };
}

/** The progress token of each request among the messages that asked for progress, with the `label` argument of its call. */
export function progressTokens(messages: readonly JSONRPCMessage[]): Map<unknown, unknown> {
  const tokens = new Map<unknown, unknown>();
  for (const message of messages) {
    if (!('method' in message) || !('id' in message)) continue;
    const { params } = message as SentRequest;
    if (params?._meta?.progressToken !== undefined) tokens.set(params._meta.progressToken, params.arguments?.label);
  }
  return tokens;
}

/** The progress messages received for each token, in order, as they came off the wire. */
export function progressReceived(messages: readonly JSONRPCMessage[]): Map<unknown, string[]> {
  const byToken = new Map<unknown, string[]>();
  for (const notification of notificationsOf(messages, 'notifications/progress')) {
    const token = notification.params?.progressToken;
    byToken.set(token, [...(byToken.get(token) ?? []), String(notification.params?.message)]);
  }
  return byToken;
}

/**
 * The SDK 1.x client drops its progress handler as soon as a response is read, and runs notification
 * handlers a microtask later; so progress that arrives in the same read just before its response is
 * reported as "for an unknown token" whatever carried it. The wire itself is checked with progressReceived.
 */
export function protocolErrors(errors: readonly Error[]): string[] {
  return errors.map((error) => error.message).filter((message) => !message.startsWith('Received a progress notification for an unknown token'));
}
