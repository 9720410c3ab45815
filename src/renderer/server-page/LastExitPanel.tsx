import type { LastExit } from '../../shared/contract';
import { formatRelative } from '../ui/format';
import { describeExit } from './describe-exit';

/** How the process last ended and what it wrote to stderr just before: usually the reason. */
export function LastExitPanel({ exit, now }: { exit: LastExit; now: number }) {
  return (
    <section className="card" aria-labelledby="last-exit-heading" data-testid="last-exit">
      <header className="card-header">
        <h2 id="last-exit-heading">Last exit</h2>
        <span className="muted" title={exit.at}>
          {describeExit(exit)} · {formatRelative(exit.at, now)}
        </span>
      </header>
      {exit.stderrTail.length > 0 ? (
        <pre className="stderr-tail" tabIndex={0} aria-label="Last lines of stderr">
          {exit.stderrTail.join('\n')}
        </pre>
      ) : (
        <p className="muted">It wrote nothing to stderr before exiting.</p>
      )}
    </section>
  );
}
