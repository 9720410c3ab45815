/**
 * Who made a tool call: the call log lines carry the client's name in `fields.client` (other lines
 * may name a client too, such as its connecting, but only call lines are its calls). Names are
 * compared without regard to case, as a person types them.
 */

interface LogLine {
  source: string;
  fields?: Record<string, unknown> | undefined;
}

/** The client that made the call a log line records, or undefined for any other line. */
export function callClientOf(line: LogLine): string | undefined {
  const client = line.source === 'call' ? line.fields?.client : undefined;
  return typeof client === 'string' ? client : undefined;
}

/** A test of a log line: true when it records a call made by `client`. */
export function callClientMatcher(client: string): (line: LogLine) => boolean {
  const wanted = client.trim().toLowerCase();
  return (line) => callClientOf(line)?.toLowerCase() === wanted;
}
