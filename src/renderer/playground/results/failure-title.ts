import type { ContractErrorCode } from '../../../shared/contract';

/** The heading over a failed call's message, one per error code so a new code cannot go untitled. */
const FAILURE_TITLES: Record<ContractErrorCode, string> = {
  not_running: 'The server is not running',
  timeout: 'The call timed out',
  cancelled: 'Cancelled',
  invalid_input: 'The arguments were refused',
  unavailable: 'Something the manager needs is unavailable',
  manager_unreachable: 'The manager is unavailable',
  not_found: 'Not found',
  conflict: 'Conflict',
  failed: 'The call failed',
};

export function failureTitleOf(code: ContractErrorCode): string {
  return FAILURE_TITLES[code];
}
