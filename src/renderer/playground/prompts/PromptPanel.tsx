import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { MethodResult } from '../../../shared/contract';
import { messageOf } from '../../../shared/error-message';
import { useApi } from '../../app/api-context';
import { LoadingRows } from '../../ui/StatusStates';
import { isRunShortcut } from '../results/content-format';
import type { Prompt } from '../mcp-types';
import { PromptMessagesView } from './PromptMessagesView';
import { TextArgumentField } from '../schema-form/TextArgumentField';
import { useServerProtocol } from '../protocol/use-server-protocol';
import { useSuggest } from '../completions/use-suggest';

type GetState =
  | { status: 'idle' }
  | { status: 'getting' }
  | { status: 'done'; result: MethodResult<'prompts.get'> }
  | { status: 'error'; message: string };

interface PromptPanelProps {
  serverId: string;
  prompt: Prompt;
  values: Record<string, string>;
  onValuesChange: (values: Record<string, string>) => void;
}

/** One prompt: its arguments as a form, Get, and the messages it produces. */
export function PromptPanel({ serverId, prompt, values, onValuesChange }: PromptPanelProps) {
  const api = useApi();
  const [state, setState] = useState<GetState>({ status: 'idle' });
  const [attempted, setAttempted] = useState(false);
  const args = prompt.arguments ?? [];
  const missing = args.filter((argument) => argument.required && (values[argument.name] ?? '').trim() === '');
  const { protocol } = useServerProtocol(serverId);
  const suggestFor = useSuggest(serverId, { type: 'ref/prompt', name: prompt.name }, values, protocol?.capabilities.completions !== undefined);

  const get = async () => {
    setAttempted(true);
    if (missing.length > 0) return;
    // Empty optional arguments are left out, so the prompt's own defaults apply.
    const filled = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''));
    setState({ status: 'getting' });
    try {
      setState({ status: 'done', result: await api.call('prompts.get', { serverId, name: prompt.name, arguments: filled }) });
    } catch (error) {
      setState({ status: 'error', message: messageOf(error) });
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void get();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!isRunShortcut(event)) return;
    event.preventDefault();
    void get();
  };

  return (
    <section className="pg-tool-panel" data-testid="prompt-panel" onKeyDown={onKeyDown}>
      <header className="pg-tool-header">
        <div className="pg-tool-heading">
          <h2>
            <code>{prompt.name}</code>
          </h2>
          {prompt.title ? <span className="pg-tool-title">{prompt.title}</span> : null}
        </div>
        {prompt.description ? <p className="pg-tool-description">{prompt.description}</p> : null}
      </header>
      <form className="pg-fields" onSubmit={submit} noValidate>
        {args.length === 0 ? <p className="muted pg-no-arguments">This prompt takes no arguments.</p> : null}
        {args.map((argument) => (
          <TextArgumentField
            key={argument.name}
            name={argument.name}
            description={argument.description}
            required={argument.required === true}
            value={values[argument.name] ?? ''}
            onChange={(value) => onValuesChange({ ...values, [argument.name]: value })}
            showMissing={attempted}
            disabled={state.status === 'getting'}
            suggest={suggestFor(argument.name)}
          />
        ))}
        <div className="pg-run-bar">
          <div className="pg-run-buttons">
            <button type="submit" className="btn btn-primary" disabled={state.status === 'getting'} data-testid="get-prompt">
              {state.status === 'getting' ? 'Getting…' : 'Get prompt'}
            </button>
          </div>
          {attempted && missing.length > 0 ? (
            <p className="pg-field-error" role="alert">
              Fill in {missing.map((argument) => argument.name).join(', ')} to get the prompt.
            </p>
          ) : null}
        </div>
      </form>
      {state.status === 'getting' ? <LoadingRows label={`Getting ${prompt.name}`} rows={2} /> : null}
      {state.status === 'error' ? (
        <div className="pg-result pg-result-failed" data-testid="prompt-error">
          <div className="pg-result-error" role="alert">
            <strong>Could not get the prompt.</strong> {state.message}
          </div>
        </div>
      ) : null}
      {state.status === 'done' ? (
        <PromptMessagesView messages={state.result.messages} description={state.result.description} serverId={serverId} promptName={prompt.name} />
      ) : null}
    </section>
  );
}
