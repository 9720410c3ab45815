/** Who is calling: what limits, logs and metrics key on. Never holds the token itself. */
export interface Caller {
  /** Stable identity for the rate limit: the API key's name, the token's subject, or "anonymous". */
  id: string;
  kind: 'api-key' | 'oauth' | 'anonymous';
  /** What log lines show. */
  logName: string;
  /** A bounded metric label: the API key's name, never an OAuth subject (unbounded). */
  metricLabel: string;
}

export const ANONYMOUS_CALLER: Caller = { id: 'anonymous', kind: 'anonymous', logName: 'anonymous', metricLabel: 'anonymous' };

export function apiKeyCaller(name: string): Caller {
  return { id: `key:${name}`, kind: 'api-key', logName: name, metricLabel: name };
}

export function oauthCaller(subject: string): Caller {
  return { id: `oauth:${subject}`, kind: 'oauth', logName: subject, metricLabel: 'oauth' };
}
