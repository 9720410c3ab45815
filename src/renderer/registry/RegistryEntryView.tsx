import type { RegistryEntry } from '../../shared/registry-contract';
import { RegistryPackageFields } from './RegistryPackageFields';

interface RegistryEntryViewProps {
  entry: RegistryEntry;
  packageIndex: number;
  onPackage: (index: number) => void;
  secrets: Record<string, string>;
  env: Record<string, string>;
  onSecret: (name: string, value: string) => void;
  onEnv: (name: string, value: string) => void;
}

/** One registry entry: who publishes it (and that installing runs their code), its packages, its remotes. */
export function RegistryEntryView({ entry, packageIndex, onPackage, ...fields }: RegistryEntryViewProps) {
  const plan = entry.packages.find((candidate) => candidate.index === packageIndex);
  return (
    <div className="registry-entry" data-testid="registry-entry">
      <div>
        <h3 className="registry-entry-title">{entry.title ?? entry.name}</h3>
        <p className="muted">
          <code>{entry.name}</code> · version {entry.version}
          {entry.remote ? (
            <>
              {' '}
              · <span className="tag tag-warning">remote</span>
            </>
          ) : null}
        </p>
        <p>{entry.description}</p>
      </div>
      <p className="callout callout-info" data-testid="registry-trust">
        Publisher: <strong data-testid="registry-namespace">{entry.namespace}</strong>. {entry.trustNote}
        {entry.repositoryUrl ? (
          <>
            {' '}
            Source: <code>{entry.repositoryUrl}</code>
          </>
        ) : null}
      </p>
      {entry.packages.length > 1 ? (
        <fieldset className="registry-package-choice">
          <legend className="field-label">Package</legend>
          {entry.packages.map((candidate) => (
            <label key={candidate.index} className="registry-package-option">
              <input type="radio" name="registry-package" checked={candidate.index === packageIndex} onChange={() => onPackage(candidate.index)} />
              {candidate.registryType} <code>{candidate.identifier}</code> {candidate.version ?? ''}
              {candidate.installable ? null : <span className="pill pill-muted">not installable</span>}
            </label>
          ))}
        </fieldset>
      ) : null}
      {plan ? <RegistryPackageFields plan={plan} {...fields} /> : null}
      {entry.remotes.length > 0 ? (
        <div data-testid="registry-remotes">
          <p className="field-label">Remote endpoints</p>
          <ul className="registry-remotes">
            {entry.remotes.map((remote) => (
              <li key={remote.url}>
                <span className="tag tag-warning">remote</span> {remote.type} <code>{remote.url}</code>
              </li>
            ))}
          </ul>
          <p className="muted">MCP Tray cannot add remote servers yet.</p>
        </div>
      ) : null}
    </div>
  );
}
