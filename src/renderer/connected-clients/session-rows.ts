import type { ClientSession, Sharing } from '../../shared/contract';

export interface SessionRow {
  sessionId: string;
  client: string;
  /** What the client says it is, when that differs from the name it goes by: "Claude 0.9.2". */
  detail: string | null;
  since: string;
  calls: number;
  /** The pid, shown only for a process of the session's own: a shared one is the server's pid on the Overview. */
  ownPid: number | null;
}

/** The sessions as the Clients tab lists them: longest connected first. */
export function sessionRows(sessions: readonly ClientSession[], sharing: Sharing): SessionRow[] {
  return [...sessions]
    .sort((a, b) => a.since.localeCompare(b.since) || a.client.localeCompare(b.client))
    .map((session) => ({
      sessionId: session.sessionId,
      client: session.client,
      detail: session.clientInfo && session.clientInfo.name !== session.client ? `${session.clientInfo.name} ${session.clientInfo.version}` : null,
      since: session.since,
      calls: session.calls,
      ownPid: sharing === 'per-session' ? session.pid : null,
    }));
}
