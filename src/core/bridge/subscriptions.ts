/**
 * Resource subscriptions of the sessions on one server, counted per uri: the server is asked to
 * subscribe when the first session subscribes, and to unsubscribe when the last one leaves.
 */
export class SubscriptionTable<Session> {
  private readonly byUri = new Map<string, Set<Session>>();

  /** Adds a subscriber; true when it is the uri's first, so the server must be told. */
  add(uri: string, session: Session): boolean {
    let sessions = this.byUri.get(uri);
    if (!sessions) this.byUri.set(uri, (sessions = new Set()));
    sessions.add(session);
    return sessions.size === 1;
  }

  /** Removes a subscriber; true when it was the uri's last, so the server must be told. */
  remove(uri: string, session: Session): boolean {
    const sessions = this.byUri.get(uri);
    if (!sessions?.delete(session)) return false;
    if (sessions.size > 0) return false;
    this.byUri.delete(uri);
    return true;
  }

  /** Removes a session everywhere; returns the uris it was the last subscriber of. */
  removeSession(session: Session): string[] {
    return [...this.byUri.keys()].filter((uri) => this.remove(uri, session));
  }

  subscribers(uri: string): ReadonlySet<Session> {
    return this.byUri.get(uri) ?? new Set();
  }

  uris(): string[] {
    return [...this.byUri.keys()];
  }
}
