import { useState } from 'react';
import type { ServerSummary } from '../../shared/contract';
import { navigate } from '../app/use-route';
import { useServerActions } from '../servers/use-server-actions';
import { ServerFormModal } from '../servers/ServerFormModal';
import { Icon } from '../ui/Icon';
import { Toggle } from '../ui/Toggle';
import { EnvEditor } from './EnvEditor';
import { SecretsEditor } from './SecretsEditor';

export function ServerSettingsTab({ server }: { server: ServerSummary }) {
  const actions = useServerActions();
  const [editing, setEditing] = useState(false);

  return (
    <div className="settings-stack">
      <SecretsEditor server={server} />
      <EnvEditor server={server} />

      <section className="card" aria-labelledby="behaviour-heading">
        <header className="card-header">
          <h2 id="behaviour-heading">Behaviour</h2>
        </header>
        <div className="toggle-list">
          <Toggle
            checked={server.enabled}
            onChange={(enabled) => void actions.setEnabled(server, enabled)}
            label="Enabled: the server may run (disabling stops it)"
            disabled={actions.isPending(server.id, 'enabled')}
            testId="server-settings-enabled"
          />
          <Toggle
            checked={server.autostart}
            onChange={(autostart) => void actions.setAutostart(server, autostart)}
            label="Start when MCP Tray starts"
            disabled={actions.isPending(server.id, 'autostart')}
            testId="server-settings-autostart"
          />
        </div>
      </section>

      {server.kind === 'custom' ? (
        <section className="card" aria-labelledby="definition-heading">
          <header className="card-header">
            <h2 id="definition-heading">Definition</h2>
            <span className="muted">Command, arguments, environment and secret names.</span>
          </header>
          <div className="card-actions">
            <button type="button" className="btn" onClick={() => setEditing(true)} data-testid="server-settings-edit">
              <Icon name="edit" size={14} />
              Edit server…
            </button>
            <span className="spacer" />
            <button
              type="button"
              className="btn btn-danger"
              disabled={actions.isPending(server.id, 'remove')}
              onClick={async () => {
                if (await actions.remove(server)) navigate({ page: 'servers' });
              }}
              data-testid="server-settings-remove"
            >
              <Icon name="trash" size={14} />
              Remove server…
            </button>
          </div>
          <ServerFormModal open={editing} editing={server} existingIds={[]} onClose={() => setEditing(false)} />
        </section>
      ) : null}
    </div>
  );
}
