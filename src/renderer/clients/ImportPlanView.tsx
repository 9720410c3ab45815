import type { ImportPlan, ImportSelection } from './import-selection';

interface ImportPlanViewProps {
  plan: ImportPlan;
  selection: ImportSelection;
  includeProjects: boolean;
  onEntry: (key: string, included: boolean) => void;
  onSecret: (key: string, name: string, moves: boolean) => void;
  onRewrite: (rewrite: boolean) => void;
  onIncludeProjects: (include: boolean) => void;
}

/** The plan with a checkbox per entry and per variable: what becomes which server, what moves to the keychain, what is left out and why. */
export function ImportPlanView({ plan, selection, includeProjects, onEntry, onSecret, onRewrite, onIncludeProjects }: ImportPlanViewProps) {
  return (
    <div className="import-plan" data-testid="import-plan">
      <p className="muted">
        From <code>{plan.configPath}</code>. Checked variables move into the system keychain as the server's secrets; the others stay in its environment.
      </p>
      {plan.entries.length === 0 ? <p data-testid="import-nothing">There is no server to import.</p> : null}
      <ul className="import-entries">
        {plan.entries.map((entry) => {
          const secrets = selection.entries.get(entry.key);
          const included = secrets !== undefined;
          return (
            <li key={entry.key} className="import-entry" data-testid={`import-entry-${entry.serverId}`}>
              <label className="import-entry-head">
                <input type="checkbox" checked={included} onChange={(event) => onEntry(entry.key, event.target.checked)} data-testid={`import-include-${entry.serverId}`} />
                <span className="import-entry-name">{entry.name}</span>
                <span aria-hidden="true">→</span>
                <code data-testid={`import-id-${entry.serverId}`}>{entry.serverId}</code>
                {entry.scope === 'project' ? <span className="pill pill-muted">project {entry.project}</span> : null}
                {entry.enabled ? null : <span className="pill pill-muted">disabled</span>}
              </label>
              <div className="import-command">
                <code>{[entry.command, ...entry.args].join(' ')}</code>
              </div>
              {entry.env.length > 0 ? (
                <ul className="import-env">
                  {entry.env.map((variable) => (
                    <li key={variable.name}>
                      <label>
                        <input
                          type="checkbox"
                          checked={variable.unset || (secrets?.has(variable.name) ?? false)}
                          disabled={!included || variable.unset}
                          onChange={(event) => onSecret(entry.key, variable.name, event.target.checked)}
                          data-testid={`import-secret-${entry.serverId}-${variable.name}`}
                        />
                        <code>{variable.name}</code>{' '}
                        <span className="muted">
                          {variable.unset
                            ? 'VS Code asks for it: set it in MCP Tray after the import'
                            : variable.hint !== null
                              ? `${variable.hint}${variable.reason === 'shape' ? ', shaped like a token' : variable.reason === 'url' ? ', a URL with a password or key' : ''}`
                              : `= ${variable.value ?? ''}`}
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              ) : null}
              <Flags flags={entry.flags} />
            </li>
          );
        })}
      </ul>
      {plan.projectEntries.length > 0 ? (
        <label className="import-option">
          <input type="checkbox" checked={includeProjects} onChange={(event) => onIncludeProjects(event.target.checked)} data-testid="import-projects" />
          Also import the per-project entries ({plan.projectEntries.map((entry) => `${entry.name} in ${entry.project}`).join(', ')})
        </label>
      ) : null}
      {plan.remote.length > 0 ? (
        <p data-testid="import-remote">
          Remote, not imported yet: {plan.remote.map((entry) => entry.name).join(', ')}
        </p>
      ) : null}
      {plan.skipped.length > 0 ? (
        <ul className="import-skipped" data-testid="import-skipped">
          {plan.skipped.map((skipped) => (
            <li key={`${skipped.project ?? ''}/${skipped.name}`}>
              Skipped <strong>{skipped.name}</strong>: {skipped.reason}
            </li>
          ))}
        </ul>
      ) : null}
      <Flags flags={plan.flags} />
      <label className="import-option">
        <input type="checkbox" checked={selection.rewrite} onChange={(event) => onRewrite(event.target.checked)} data-testid="import-rewrite" />
        Replace entries with MCP Tray entries (the token leaves the client's file; a backup of the file is kept)
      </label>
    </div>
  );
}

/** Notes that need the user's attention, each a sentence with what to do. */
function Flags({ flags }: { flags: readonly string[] }) {
  return flags.map((flag) => (
    <div key={flag} className="callout callout-warning" role="note">
      {flag}
    </div>
  ));
}
