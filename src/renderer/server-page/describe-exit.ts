import type { LastExit } from '../../shared/contract';

/** "Exited with code 3", "Killed by SIGKILL": how a process ended, in words. */
export function describeExit(exit: LastExit): string {
  if (exit.signal) return `Killed by ${exit.signal}`;
  if (exit.code !== null) return `Exited with code ${exit.code}`;
  return 'Exited';
}
