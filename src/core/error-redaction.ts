/**
 * The last step of every error that leaves the core: a server may echo its own secret in a
 * JSON-RPC error, and that text would otherwise reach the UI, the CLI and HTTP callers as is.
 * Knows every secret value injected into any server, plus the token shapes of shared/redact.
 */
import { ContractError } from '../shared/contract';
import { createRedactor, type Redactor } from '../shared/redact';

export class ErrorRedaction {
  private readonly valuesByServer = new Map<string, readonly string[]>();
  private redact: Redactor = createRedactor();

  /** The secret values a server was started with (kept after a change too: its old errors may still be in flight). */
  addSecrets(serverId: string, values: readonly string[]): void {
    const known = this.valuesByServer.get(serverId) ?? [];
    const fresh = values.filter((value) => !known.includes(value));
    if (fresh.length === 0 && this.valuesByServer.has(serverId)) return;
    this.valuesByServer.set(serverId, [...known, ...fresh]);
    this.redact = createRedactor([...this.valuesByServer.values()].flat());
  }

  /** A message with every known secret value taken out. */
  text(message: string): string {
    return this.redact(message);
  }

  /** The same error with its message redacted; a ContractError keeps its code. */
  error(error: unknown): unknown {
    if (!(error instanceof Error)) return error;
    const message = this.redact(error.message);
    if (message === error.message) return error;
    return error instanceof ContractError ? new ContractError(error.code, message) : new Error(message);
  }
}
