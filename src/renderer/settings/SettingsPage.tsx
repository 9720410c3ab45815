import { useEffect, useState } from 'react';
import type { AppSettings } from '../../shared/contract';
import { useApi } from '../app/api-context';
import { useAction } from '../hooks/use-action';
import { useQuery } from '../hooks/use-query';
import { Field } from '../ui/Field';
import { useNotify } from '../ui/NoticesProvider';
import { ErrorState, InlineError, LoadingRows } from '../ui/StatusStates';
import { Toggle } from '../ui/Toggle';
import { NUMERIC_SETTINGS, UNIT_LABELS, parseSettingsText, textOf, type NumericSettingKey, type SettingsText } from './settings-form-model';

export function SettingsPage() {
  const query = useQuery('settings.get', {}, 'settings');
  const { state } = query;
  return (
    <section className="page" aria-labelledby="settings-heading">
      <header className="page-header">
        <div>
          <h1 id="settings-heading">Settings</h1>
          <p className="page-subtitle">How MCP Tray watches and talks to every server.</p>
        </div>
      </header>
      {state.status === 'error' && !state.data ? (
        <ErrorState title="Could not load the settings" action={<button type="button" className="btn" onClick={query.reload}>Try again</button>}>
          {state.error}
        </ErrorState>
      ) : state.data ? (
        <SettingsForm settings={state.data} onSaved={query.setData} />
      ) : (
        <LoadingRows label="Loading settings" rows={4} height={56} />
      )}
    </section>
  );
}

function SettingsForm({ settings, onSaved }: { settings: AppSettings; onSaved: (settings: AppSettings) => void }) {
  const api = useApi();
  const notify = useNotify();
  const [text, setText] = useState<SettingsText>(() => textOf(settings));
  const [errors, setErrors] = useState<Partial<Record<NumericSettingKey, string>>>({});
  const saved = textOf(settings);
  const dirty = NUMERIC_SETTINGS.some((setting) => text[setting.key] !== saved[setting.key]);

  useEffect(() => setText(textOf(settings)), [settings]);

  const save = useAction(async () => {
    const parsed = parseSettingsText(text, settings);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    if (Object.keys(parsed.patch).length === 0) return;
    onSaved(await api.call('settings.update', parsed.patch));
    notify({ kind: 'success', message: 'Settings saved. They apply from the next health check or call.' });
  });

  const startAtLogin = useAction(async (value: boolean) => onSaved(await api.call('settings.update', { startAtLogin: value })));
  const headless = api.transport === 'http';

  return (
    <form
      className="card settings-form"
      data-testid="settings-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save.run();
      }}
    >
      <div className="settings-grid">
        {NUMERIC_SETTINGS.map((setting) => (
          <Field key={setting.key} label={setting.label} help={setting.help} error={errors[setting.key]} testId={`setting-${setting.key}`}>
            {(control) => (
              <div className="input-with-unit">
                <input
                  {...control}
                  className="input"
                  type="number"
                  inputMode="decimal"
                  min={setting.min}
                  max={setting.max}
                  step={setting.step}
                  value={text[setting.key]}
                  onChange={(event) => setText({ ...text, [setting.key]: event.target.value })}
                />
                <span className="input-unit">{UNIT_LABELS[setting.unit]}</span>
              </div>
            )}
          </Field>
        ))}
      </div>
      <div className="toggle-list">
        <Toggle
          checked={settings.startAtLogin}
          onChange={(value) => void startAtLogin.run(value)}
          label={headless ? 'Start MCP Tray at login (desktop app only)' : 'Start MCP Tray at login'}
          disabled={headless || startAtLogin.pending}
          testId="setting-startAtLogin"
        />
      </div>
      <InlineError message={save.error?.message ?? startAtLogin.error?.message} />
      <div className="card-actions">
        <span className="spacer" />
        <button
          type="button"
          className="btn"
          disabled={!dirty || save.pending}
          onClick={() => {
            setText(textOf(settings));
            setErrors({});
          }}
        >
          Revert
        </button>
        <button type="submit" className="btn btn-primary" disabled={!dirty || save.pending} data-testid="settings-save">
          {save.pending ? 'Saving…' : 'Save settings'}
        </button>
      </div>
    </form>
  );
}
