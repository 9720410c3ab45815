/**
 * Who made a tool call: the bridge's call log lines carry the client's name in `fields.client`.
 * Names are compared without regard to case, as a person types them.
 */

/** The client named in a log entry's fields, or undefined for a line that names none. */
export function callClientOf(fields: Record<string, unknown> | undefined): string | undefined {
  const client = fields?.client;
  return typeof client === 'string' ? client : undefined;
}

/** A test of a log entry's fields: true when the line is a call made by `client`. */
export function callClientMatcher(client: string): (fields: Record<string, unknown> | undefined) => boolean {
  const wanted = client.trim().toLowerCase();
  return (fields) => callClientOf(fields)?.toLowerCase() === wanted;
}
