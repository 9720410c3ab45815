import type { RegistrySummary } from '../../shared/registry-contract';
import { kindOf } from './registry-words';

interface RegistryResultsProps {
  results: readonly RegistrySummary[];
  onOpen: (name: string) => void;
}

/** One row per registry server: its name, publisher, kind (remote, npm, …) and whether it can be installed. */
export function RegistryResults({ results, onOpen }: RegistryResultsProps) {
  return (
    <ul className="registry-results" aria-label="Registry servers" data-testid="registry-results">
      {results.map((result) => (
        <li key={result.name}>
          <button type="button" className="registry-result" onClick={() => onOpen(result.name)} data-testid="registry-result" data-name={result.name}>
            <span className="registry-result-name">{result.title ?? result.name}</span>
            <span className="registry-result-meta">
              {result.title ? (
                <>
                  <code>{result.name}</code> ·{' '}
                </>
              ) : null}
              version {result.version}
            </span>
            <span className="registry-result-description">{result.description}</span>
            <span className="registry-result-tags">
              <span className={result.remote ? 'tag tag-warning' : 'tag'}>{kindOf(result)}</span>
              {result.installable ? null : <span className="pill pill-muted">Not installable yet</span>}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
