import { useMemo, useState, type FormEvent } from 'react';
import type { ResourceTemplate } from '../mcp-types';
import { ResourceReadView } from './ResourceReadView';
import { TextArgumentField } from '../schema-form/TextArgumentField';
import { useResourceRead } from './use-resource-read';
import { useServerProtocol } from '../protocol/use-server-protocol';
import { useSuggest } from '../completions/use-suggest';
import { expandUriTemplate, optionalTemplateVariables, templateVariables } from './uri-template';

/** A resource template: one field per {variable}, the URI they make, then Read. */
export function ResourceTemplatePanel({ serverId, template }: { serverId: string; template: ResourceTemplate }) {
  const variables = useMemo(() => templateVariables(template.uriTemplate), [template.uriTemplate]);
  const optional = useMemo(() => new Set(optionalTemplateVariables(template.uriTemplate)), [template.uriTemplate]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [attempted, setAttempted] = useState(false);
  const { state, read } = useResourceRead(serverId);
  const uri = expandUriTemplate(template.uriTemplate, values);
  const missing = variables.filter((name) => !optional.has(name) && (values[name] ?? '').trim() === '');
  const { protocol } = useServerProtocol(serverId);
  const suggestFor = useSuggest(serverId, { type: 'ref/resource', uri: template.uriTemplate }, values, protocol?.capabilities.completions !== undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (missing.length === 0) read(uri);
  };

  return (
    <section className="pg-tool-panel" data-testid="template-panel">
      <header className="pg-tool-header">
        <div className="pg-tool-heading">
          <h2>{template.title ?? template.name}</h2>
          {template.mimeType ? <span className="tag">{template.mimeType}</span> : null}
        </div>
        <code className="pg-uri">{template.uriTemplate}</code>
        {template.description ? <p className="pg-tool-description">{template.description}</p> : null}
      </header>
      <form className="pg-fields" onSubmit={submit} noValidate>
        {variables.map((name) => (
          <TextArgumentField
            key={name}
            name={name}
            required={!optional.has(name)}
            value={values[name] ?? ''}
            onChange={(value) => setValues((current) => ({ ...current, [name]: value }))}
            showMissing={attempted}
            suggest={suggestFor(name)}
          />
        ))}
        <p className="pg-uri-preview">
          URI: <code data-testid="template-uri">{uri}</code>
        </p>
        <div className="pg-run-bar">
          <div className="pg-run-buttons">
            <button type="submit" className="btn btn-primary" disabled={state.status === 'reading'} data-testid="read-template">
              Read
            </button>
          </div>
          {attempted && missing.length > 0 ? (
            <p className="pg-field-error" role="alert">
              Fill in {missing.join(', ')} to read.
            </p>
          ) : null}
        </div>
      </form>
      <ResourceReadView state={state} />
    </section>
  );
}
