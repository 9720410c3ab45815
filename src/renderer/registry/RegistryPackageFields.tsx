import type { PackagePlan } from '../../shared/registry-contract';
import { Field } from '../ui/Field';
import { VERIFICATION_LABEL, VERIFICATION_PILL, commandText } from './registry-words';

interface RegistryPackageFieldsProps {
  plan: PackagePlan;
  secrets: Record<string, string>;
  env: Record<string, string>;
  onSecret: (name: string, value: string) => void;
  onEnv: (name: string, value: string) => void;
}

/** What one package will run, whether its file is checked, and the values it asks for (secrets in password fields). */
export function RegistryPackageFields({ plan, secrets, env, onSecret, onEnv }: RegistryPackageFieldsProps) {
  const asked = plan.variables.filter((variable) => !variable.fixed);
  const fixed = plan.variables.filter((variable) => variable.fixed);
  return (
    <div className="registry-package" data-testid="registry-package">
      <div className="registry-package-facts">
        <span className={VERIFICATION_PILL[plan.verification]} data-testid="registry-verification">
          {VERIFICATION_LABEL[plan.verification]}
        </span>
        <span className="muted">{plan.verificationNote}</span>
      </div>
      {plan.command ? (
        <div>
          <p className="field-label">It will run</p>
          <pre className="registry-command" data-testid="registry-command">
            {commandText(plan)}
          </pre>
        </div>
      ) : null}
      {plan.runtimeFlags.length > 0 ? (
        <p className="muted" data-testid="registry-runtime-flags">
          Options the publisher gives {plan.runtime ?? 'the runtime'} itself: <code>{plan.runtimeFlags.join(' ')}</code>
        </p>
      ) : null}
      {plan.installable ? null : (
        <p className="callout callout-warning" data-testid="registry-why-not">
          {plan.whyNot}
        </p>
      )}
      {fixed.length > 0 ? (
        <p className="muted">
          Set by the publisher: {fixed.map((variable) => `${variable.name}=${plan.env[variable.name] ?? ''}`).join(', ')}
        </p>
      ) : null}
      {plan.installable && asked.length > 0 ? (
        <div className="form-grid">
          {asked.map((variable) => (
            <Field
              key={variable.name}
              label={variable.name}
              optional={!variable.isRequired}
              help={[variable.description?.replace(/([^.!?])$/, '$1.'), variable.isSecret ? 'Kept in the system keychain, never in a file.' : null].filter(Boolean).join(' ') || undefined}
            >
              {(control) =>
                variable.isSecret ? (
                  <input
                    {...control}
                    className="input input-mono"
                    type="password"
                    autoComplete="off"
                    spellCheck={false}
                    value={secrets[variable.name] ?? ''}
                    onChange={(event) => onSecret(variable.name, event.target.value)}
                    data-testid={`registry-secret-${variable.name}`}
                  />
                ) : variable.choices.length > 0 ? (
                  <select {...control} className="input select" value={env[variable.name] ?? variable.default ?? ''} onChange={(event) => onEnv(variable.name, event.target.value)} data-testid={`registry-env-${variable.name}`}>
                    {variable.isRequired ? null : <option value="">(not set)</option>}
                    {variable.choices.map((choice) => (
                      <option key={choice} value={choice}>
                        {choice}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    {...control}
                    className="input input-mono"
                    placeholder={variable.default ?? ''}
                    value={env[variable.name] ?? ''}
                    onChange={(event) => onEnv(variable.name, event.target.value)}
                    data-testid={`registry-env-${variable.name}`}
                  />
                )
              }
            </Field>
          ))}
        </div>
      ) : null}
    </div>
  );
}
