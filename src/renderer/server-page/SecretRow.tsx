import { useId, useState } from 'react';
import type { SecretStatus } from '../../shared/contract';
import { useApi } from '../app/api-context';
import { useAction } from '../hooks/use-action';
import { useConfirm } from '../ui/ConfirmProvider';
import { useNotify } from '../ui/NoticesProvider';
import { InlineError } from '../ui/StatusStates';
import { describeSecretLocation } from './secret-location';

interface SecretRowProps {
  serverName: string;
  secret: SecretStatus;
  onChanged: (status: SecretStatus) => void;
  keychainService: string | undefined;
}

/**
 * One secret: whether it is set, a password field to set or replace it, and Clear. The value goes
 * straight to the keychain; the field is emptied after every submit, and no value ever comes back.
 */
export function SecretRow({ serverName, secret, onChanged, keychainService }: SecretRowProps) {
  const api = useApi();
  const notify = useNotify();
  const confirm = useConfirm();
  const [value, setValue] = useState('');
  const inputId = useId();

  const save = useAction(async (typed: string) => {
    const status = await api.call('secrets.set', { serverId: secret.serverId, name: secret.name, value: typed });
    onChanged(status);
    notify({ kind: 'success', message: `${secret.name} is stored in the system keychain. ${serverName} restarts to use it if it is running.` });
  });

  const clear = useAction(async () => {
    const status = await api.call('secrets.delete', { serverId: secret.serverId, name: secret.name });
    onChanged(status);
    notify({ kind: 'success', message: `${secret.name} was deleted from the keychain.` });
  });

  const onClear = async () => {
    const confirmed = await confirm({
      title: `Clear ${secret.name}?`,
      message: <p>The value is deleted from the system keychain. {serverName} restarts without it if it is running, and its tools that need it stop working.</p>,
      confirmLabel: 'Clear secret',
      danger: true,
    });
    if (confirmed) await clear.run();
  };

  const error = save.error ?? clear.error;
  return (
    <li className="secret-row" data-testid={`secret-row-${secret.name}`}>
      <form
        className="secret-form"
        onSubmit={(event) => {
          event.preventDefault();
          const typed = value;
          // Cleared whether or not the write works: a secret should not linger in the page.
          setValue('');
          if (typed !== '') void save.run(typed);
        }}
      >
        <label htmlFor={inputId} className="secret-name">
          {secret.name}
        </label>
        <span className={secret.isSet ? 'pill pill-success' : 'pill pill-muted'} data-testid={`secret-status-${secret.name}`}>
          {secret.isSet ? 'Set' : 'Not set'}
        </span>
        <input
          id={inputId}
          className="input input-mono"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={secret.isSet ? 'Paste a new value to replace it' : 'Paste the value'}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          data-testid={`secret-input-${secret.name}`}
          aria-describedby={error ? `${inputId}-error` : undefined}
        />
        <button type="submit" className="btn btn-primary" disabled={value === '' || save.pending} data-testid={`secret-save-${secret.name}`}>
          {save.pending ? 'Saving…' : secret.isSet ? 'Replace' : 'Set'}
        </button>
        <button type="button" className="btn btn-ghost-danger" disabled={!secret.isSet || clear.pending} onClick={() => void onClear()} data-testid={`secret-clear-${secret.name}`}>
          Clear
        </button>
      </form>
      <p className="muted secret-location" data-testid={`secret-location-${secret.name}`}>
        {describeSecretLocation(secret.serverId, secret.name, keychainService)}
      </p>
      <InlineError id={`${inputId}-error`} message={error?.message} />
    </li>
  );
}
