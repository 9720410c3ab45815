import type { ServerRequestCause } from '../../shared/server-requests-contract';

/**
 * A server's request that no bridged session takes: why, and the session whose call caused it
 * when there is one (it is busy but cannot be asked). What happens next is the supervisor's choice.
 */
export class UnroutedRequest {
  constructor(
    readonly why: string,
    readonly cause: ServerRequestCause | undefined = undefined,
  ) {}
}
