import { Field } from '../ui/Field';
import { Toggle } from '../ui/Toggle';
import { splitCommandLine } from './command-line';
import { suggestId, type ServerFormErrors, type ServerFormValues } from './server-form-model';

interface ServerFormFieldsProps {
  values: ServerFormValues;
  errors: ServerFormErrors;
  editing: boolean;
  /** Once the id was typed by hand, the name no longer rewrites it. */
  idTouched: boolean;
  onIdTouched: () => void;
  onChange: (values: ServerFormValues) => void;
}

export function ServerFormFields({ values, errors, editing, idTouched, onIdTouched, onChange }: ServerFormFieldsProps) {
  const set = <K extends keyof ServerFormValues>(key: K, value: ServerFormValues[K]) => onChange({ ...values, [key]: value });
  const parsedArgs = splitCommandLine(values.args);

  return (
    <div className="form-grid form-grid-two">
      <Field label="Name" error={errors.name} testId="field-name">
        {(control) => (
          <input
            {...control}
            className="input"
            value={values.name}
            autoComplete="off"
            data-autofocus
            placeholder="Memory"
            onChange={(event) => {
              const name = event.target.value;
              onChange({ ...values, name, id: idTouched || editing ? values.id : suggestId(name) });
            }}
          />
        )}
      </Field>
      <Field label="Id" error={errors.id} help={editing ? 'Fixed: client configs refer to it.' : 'Lowercase letters, digits, dashes. Used in client configs.'} testId="field-id">
        {(control) => (
          <input
            {...control}
            className="input input-mono"
            value={values.id}
            disabled={editing}
            autoComplete="off"
            spellCheck={false}
            placeholder="memory"
            onChange={(event) => {
              onIdTouched();
              set('id', event.target.value);
            }}
          />
        )}
      </Field>
      <Field label="Command" error={errors.command} help="On PATH or a full path; run directly, not through a shell." testId="field-command">
        {(control) => <input {...control} className="input input-mono" value={values.command} autoComplete="off" spellCheck={false} placeholder="npx" onChange={(event) => set('command', event.target.value)} />}
      </Field>
      <Field
        label="Arguments"
        optional
        error={errors.args}
        testId="field-args"
        help={
          parsedArgs.ok && parsedArgs.args.length > 0 ? (
            <span className="arg-chips" aria-label="Parsed arguments">
              {parsedArgs.args.map((arg, index) => (
                <code key={index} className="arg-chip">
                  {arg === '' ? '""' : arg}
                </code>
              ))}
            </span>
          ) : (
            'Separated by spaces; quote one that contains spaces.'
          )
        }
      >
        {(control) => (
          <input
            {...control}
            className="input input-mono"
            value={values.args}
            autoComplete="off"
            spellCheck={false}
            placeholder="-y @modelcontextprotocol/server-memory"
            onChange={(event) => set('args', event.target.value)}
          />
        )}
      </Field>
      <Field wide label="Environment" optional error={errors.env} help="One NAME=value per line. Not for tokens: list those as secrets below." testId="field-env">
        {(control) => (
          <textarea
            {...control}
            className="input input-mono"
            rows={3}
            value={values.env}
            spellCheck={false}
            placeholder={'LOG_LEVEL=info'}
            onChange={(event) => set('env', event.target.value)}
          />
        )}
      </Field>
      <Field wide label="Secret names" optional error={errors.secretEnv} help="Variables whose values live in the system keychain, e.g. API_KEY. Set their values on the server's Settings tab." testId="field-secrets">
        {(control) => (
          <input
            {...control}
            className="input input-mono"
            value={values.secretEnv}
            autoComplete="off"
            spellCheck={false}
            placeholder="API_KEY, OTHER_TOKEN"
            onChange={(event) => set('secretEnv', event.target.value)}
          />
        )}
      </Field>
      <div className="form-toggles">
        <Toggle checked={values.enabled} onChange={(enabled) => set('enabled', enabled)} label="Enabled" testId="field-enabled" />
        <Toggle checked={values.autostart} onChange={(autostart) => set('autostart', autostart)} label="Start with MCP Tray" testId="field-autostart" />
      </div>
    </div>
  );
}
