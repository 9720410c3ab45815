import type { ControlClient } from '../surfaces/control-socket/client';
import { takeOverStopSignals } from '../surfaces/stop-signals';
import { writeErr } from './cli-output';

/** Resolves on Ctrl+C, or when the manager goes away, which is said (`goneMessage`): a follower's end. */
export function untilStopped(client: ControlClient, goneMessage: string): Promise<void> {
  let interrupted = false;
  return new Promise<void>((resolve) => {
    client.onClose(() => {
      // Our own hang-up after Ctrl+C is not news; the manager going away is.
      if (!interrupted) writeErr(goneMessage);
      resolve();
    });
    void takeOverStopSignals().requested.then(() => {
      interrupted = true;
      resolve();
    });
  });
}
