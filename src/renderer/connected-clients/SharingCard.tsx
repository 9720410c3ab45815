import { useState } from 'react';
import type { ServerSummary, Sharing } from '../../shared/contract';
import { useApi } from '../app/api-context';
import { useAction } from '../hooks/use-action';
import { useServersActions } from '../servers/servers-context';
import { InlineError } from '../ui/StatusStates';

const CHOICES: ReadonlyArray<{ value: Sharing; label: string; explanation: string }> = [
  {
    value: 'shared',
    label: 'One process for every client',
    explanation: 'Clients share one running server: one start-up, one cache and one set of rate limits, and every call shows up here.',
  },
  {
    value: 'per-session',
    label: 'One process per client session',
    explanation: 'Each client gets a server process of its own, for servers that keep state per session or shape their tools by the client.',
  },
];

/** Whether the clients share one server process or get one each; saved with servers.setSharing. */
export function SharingCard({ server }: { server: ServerSummary }) {
  const api = useApi();
  const { applySummary } = useServersActions();
  // The choice being saved shows at once; a failure puts the saved one back.
  const [saving, setSaving] = useState<Sharing | null>(null);
  const save = useAction(async (sharing: Sharing) => {
    setSaving(sharing);
    try {
      applySummary(await api.call('servers.setSharing', { id: server.id, sharing }));
    } finally {
      setSaving(null);
    }
  });
  const shown = saving ?? server.sharing;
  return (
    <section className="card" aria-labelledby="sharing-heading">
      <header className="card-header">
        <h2 id="sharing-heading">Sharing</h2>
        <span className="muted">Clients already connected keep the process they have; the next ones follow this choice.</span>
      </header>
      <fieldset className="choice-list" disabled={save.pending} data-testid="sharing-choice">
        <legend className="visually-hidden">How clients share this server</legend>
        {CHOICES.map((choice) => (
          <label key={choice.value} className="choice">
            <input type="radio" name={`sharing-${server.id}`} value={choice.value} checked={shown === choice.value} onChange={() => void save.run(choice.value)} data-testid={`sharing-${choice.value}`} />
            <span>
              <span className="choice-label">{choice.label}</span>
              <span className="choice-explanation muted">{choice.explanation}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <InlineError message={save.error?.message} />
    </section>
  );
}
