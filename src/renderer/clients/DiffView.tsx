import { classifyDiff, diffStats } from './diff-lines';

/** A unified diff with added lines green and removed lines red, as in any code review tool. */
export function DiffView({ diff, label = 'Changes to the config file' }: { diff: string; label?: string }) {
  const lines = classifyDiff(diff);
  const stats = diffStats(lines);
  return (
    <div className="diff" data-testid="diff-view">
      <div className="diff-stats" aria-label={`${stats.added} lines added, ${stats.removed} removed`}>
        <span className="diff-stat-add">+{stats.added}</span>
        <span className="diff-stat-remove">−{stats.removed}</span>
      </div>
      <pre className="diff-body" tabIndex={0} aria-label={label}>
        {lines.map((line, index) => (
          <span key={index} className={`diff-line diff-${line.kind}`}>
            {line.text || ' '}
            {'\n'}
          </span>
        ))}
      </pre>
    </div>
  );
}
