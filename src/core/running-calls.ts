import { ContractError } from '../shared/contract';
import { CallCancellation } from './call-cancellation';

/**
 * Every tool call in flight, by call id, across all servers: one map, so an id already running is
 * refused, a call is cancelled by its id alone, and a stopping server ends its own calls.
 */
export class RunningCalls {
  private readonly calls = new Map<string, { serverId: string; cancellation: CallCancellation }>();

  /** Registers a call and returns its cancel switch; refuses an id that is already running. */
  start(callId: string, serverId: string): CallCancellation {
    if (this.calls.has(callId)) throw new ContractError('conflict', `A call with id "${callId}" is already running.`);
    const cancellation = new CallCancellation();
    this.calls.set(callId, { serverId, cancellation });
    return cancellation;
  }

  end(callId: string): void {
    this.calls.delete(callId);
  }

  /** Cancels a running call, only one of `serverId` when given; false when there is no such call. */
  cancel(callId: string, serverId?: string): boolean {
    const call = this.calls.get(callId);
    if (!call || (serverId !== undefined && call.serverId !== serverId)) return false;
    call.cancellation.abort(new ContractError('cancelled', 'Cancelled by the user.'));
    return true;
  }

  /** Cancels every call of a server that is stopping. */
  cancelAllOf(serverId: string): void {
    for (const call of this.calls.values()) {
      if (call.serverId === serverId) call.cancellation.abort(new ContractError('cancelled', 'The server was stopped.'));
    }
  }
}
