import { useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { useConfirm } from '../../ui/ConfirmProvider';
import { AnnotationBadges } from './AnnotationBadges';
import type { CallHistoryEntry } from '../history/call-history';
import { CallHistoryList } from '../history/CallHistoryList';
import { CallProgressView } from '../results/CallProgressView';
import { isRunShortcut } from '../results/content-format';
import { buildFormModel } from '../schema-form/form-model';
import { argumentsJson } from './input-mode';
import { InputModeSwitch } from './InputModeSwitch';
import type { Tool, ToolArguments } from '../mcp-types';
import { callHistoryStore } from './playground-stores';
import { RawJsonEditor } from '../schema-form/RawJsonEditor';
import { SchemaForm } from '../schema-form/SchemaForm';
import { describeProblem } from '../schema-form/schema-validation';
import { confirmationReason, toolTitle } from './tool-annotations';
import type { ToolCallRunner } from './tool-call-runner';
import { ToolResultView } from '../results/ToolResultView';
import { RunBar } from './RunBar';
import { TaskOnlyNotice } from './TaskOnlyNotice';
import { useToolInput } from './use-tool-input';
import { useUnstatedToolsChoice } from './use-unstated-tools-choice';

interface ToolPanelProps {
  serverId: string;
  tool: Tool;
  runner: ToolCallRunner;
}

/** One tool: what it is, its arguments (form or JSON), Run and Cancel, the outcome and past calls. */
export function ToolPanel({ serverId, tool, runner }: ToolPanelProps) {
  const model = useMemo(() => buildFormModel(tool.inputSchema), [tool.inputSchema]);
  const { input, prepared, setInput, setMode, load, reset } = useToolInput(serverId, tool.name, model);
  const call = useSyncExternalStore(runner.subscribe, () => runner.state(tool.name));
  const history = callHistoryStore();
  const entries = useSyncExternalStore(history.subscribe, () => history.list(serverId, tool.name));
  const confirm = useConfirm();
  const unstatedTools = useUnstatedToolsChoice(serverId);
  const [attempted, setAttempted] = useState(false);
  const [modeError, setModeError] = useState<string | null>(null);
  const panel = useRef<HTMLElement>(null);
  const running = call.status === 'running';
  const title = toolTitle(tool);

  const start = async (args: ToolArguments) => {
    const reason = confirmationReason(tool.annotations);
    if (reason === 'destructive' || (reason === 'unstated' && !unstatedTools.runWithoutAsking)) {
      let dontAskAgain = false;
      const confirmed = await confirm({
        title: `Run ${tool.name}?`,
        message: (
          <div className="pg-confirm" data-testid="confirm-run">
            <p>
              <strong>{tool.name}</strong> may change or delete data{reason === 'unstated' ? ' (the server does not say it is safe)' : ''}. It will run with these
              arguments:
            </p>
            <pre className="pg-pre">{argumentsJson(args)}</pre>
            {reason === 'unstated' ? (
              <label className="pg-confirm-choice">
                <input type="checkbox" onChange={(event) => (dontAskAgain = event.target.checked)} data-testid="confirm-dont-ask-again" />
                Don&apos;t ask again for this server&apos;s tools that do not say whether they change data
              </label>
            ) : null}
          </div>
        ),
        confirmLabel: 'Confirm',
        danger: true,
      });
      if (!confirmed) return;
      if (dontAskAgain) await unstatedTools.setRunWithoutAsking(true);
    }
    await runner.run(tool.name, args);
  };

  const run = () => {
    if (running) return;
    setAttempted(true);
    if (prepared.blocking || prepared.arguments === null) {
      // Let the problems render, then take the user to the first one.
      requestAnimationFrame(() => panel.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    void start(prepared.arguments);
  };

  const rerun = (entry: CallHistoryEntry) => {
    load(entry.arguments);
    void start(entry.arguments);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!isRunShortcut(event)) return;
    event.preventDefault();
    run();
  };

  const changeMode = (mode: 'form' | 'json') => setModeError(setMode(mode));
  const blockingProblems = input.mode === 'form' ? prepared.problems : [];

  return (
    <section className="pg-tool-panel" ref={panel} onKeyDown={onKeyDown} data-testid="tool-panel" data-tool={tool.name}>
      <header className="pg-tool-header">
        <div className="pg-tool-heading">
          <h2>
            <code>{tool.name}</code>
          </h2>
          {title ? <span className="pg-tool-title">{title}</span> : null}
          <AnnotationBadges annotations={tool.annotations} />
        </div>
        {tool.description ? <p className="pg-tool-description">{tool.description}</p> : null}
        <TaskOnlyNotice tool={tool} />
      </header>

      <div className="pg-input-header">
        <h3>Arguments</h3>
        <InputModeSwitch mode={input.mode} onChange={changeMode} />
        <button type="button" className="btn btn-ghost btn-small" onClick={reset} disabled={running} title="Back to the defaults">
          Reset
        </button>
      </div>
      {modeError ? (
        <p className="inline-error" role="alert">
          {modeError}
        </p>
      ) : null}

      {input.mode === 'form' ? (
        <SchemaForm
          model={model}
          value={input.formValue}
          onChange={(formValue) => setInput({ ...input, formValue })}
          problems={prepared.problems}
          showAllProblems={attempted}
          disabled={running}
        />
      ) : (
        <RawJsonEditor
          text={input.jsonText}
          onChange={(jsonText) => setInput({ ...input, jsonText })}
          parseError={prepared.parseError}
          problems={prepared.problems}
          disabled={running}
        />
      )}

      {unstatedTools.runWithoutAsking && confirmationReason(tool.annotations) === 'unstated' ? (
        <p className="muted pg-run-note" data-testid="runs-without-asking">
          Runs without asking: you chose not to be asked about this server&apos;s tools that do not say whether they change data.{' '}
          <button type="button" className="btn btn-ghost btn-small" onClick={() => void unstatedTools.setRunWithoutAsking(false)} data-testid="ask-again">
            Ask again
          </button>
        </p>
      ) : null}

      <RunBar
        running={running}
        cancelling={call.status === 'running' && call.cancelRequested}
        onRun={run}
        onCancel={() => void runner.cancel(tool.name)}
        blockedMessage={
          // In JSON mode the editor already says what is wrong, right above.
          attempted && prepared.blocking && input.mode === 'form'
            ? `Fix ${blockingProblems.length === 1 ? 'this problem' : `these ${blockingProblems.length} problems`} to run: ${blockingProblems.map(describeProblem).join('; ')}.`
            : null
        }
        warning={input.mode === 'json' && prepared.problems.length > 0 ? 'The arguments do not match the schema; the server may refuse them.' : null}
      />

      {call.status === 'running' ? <CallProgressView progress={call.progress} startedAt={call.startedAt} cancelling={call.cancelRequested} /> : null}
      {call.status === 'done' || call.status === 'failed' ? <ToolResultView call={call} toolName={tool.name} serverId={serverId} outputSchema={tool.outputSchema} /> : null}

      <CallHistoryList
        serverId={serverId}
        toolName={tool.name}
        entries={entries}
        running={running}
        onLoad={(entry) => load(entry.arguments)}
        onRerun={rerun}
        onClear={() => history.clear(serverId, tool.name)}
      />
    </section>
  );
}
