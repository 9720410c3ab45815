/**
 * Ctrl+C, SIGTERM and SIGHUP for commands that must stop cleanly (`run`, `logs --follow`).
 *
 * Libraries may already listen: conf -> atomically -> when-exit hooks these signals at import and,
 * after its own cleanup, sends the same signal to the process again. That would turn one Ctrl+C
 * into two (the second forcing an exit before the servers are stopped). So these commands take the
 * signals over; when-exit's cleanup still runs from its 'exit' hook, since they end with a normal exit.
 */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

interface StopSignals {
  /** Resolves with the first stop signal. */
  readonly requested: Promise<NodeJS.Signals>;
  /** Called for every signal after the first (e.g. to give up waiting). */
  onRepeat(listener: (signal: NodeJS.Signals) => void): void;
}

export function takeOverStopSignals(): StopSignals {
  let first = true;
  let repeatListener: ((signal: NodeJS.Signals) => void) | undefined;
  let resolveRequested: (signal: NodeJS.Signals) => void = () => {};
  const requested = new Promise<NodeJS.Signals>((resolve) => (resolveRequested = resolve));
  const onSignal = (signal: NodeJS.Signals) => {
    if (first) {
      first = false;
      resolveRequested(signal);
    } else {
      repeatListener?.(signal);
    }
  };
  for (const signal of STOP_SIGNALS) {
    process.removeAllListeners(signal);
    process.on(signal, onSignal);
  }
  return {
    requested,
    onRepeat: (listener) => {
      repeatListener = listener;
    },
  };
}
