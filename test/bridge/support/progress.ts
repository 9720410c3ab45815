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

/** The progress tokens the requests among the messages asked for. */
export function progressTokens(messages: readonly JSONRPCMessage[]): unknown[] {
  return messages.flatMap((message) => {
    if (!('method' in message) || !('id' in message)) return [];
    const meta = (message.params as { _meta?: { progressToken?: unknown } } | undefined)?._meta;
    return meta?.progressToken === undefined ? [] : [meta.progressToken];
  });
}
