import { ShowMessagesLink } from '../../messages/ShowMessagesLink';
import { formatLatency } from '../../ui/format';
import { ContentBlockView } from './ContentBlockView';
import { CopyButton } from './CopyButton';
import { failureTitleOf } from './failure-title';
import { JsonTree } from './JsonTree';
import { OutputSchemaCheck } from './OutputSchemaCheck';
import type { ToolCallState } from '../tools/tool-call-runner';

type FinishedCall = Extract<ToolCallState, { status: 'done' | 'failed' }>;

function outcomeOf(call: FinishedCall): 'ok' | 'error' | 'cancelled' | 'failed' {
  if (call.status === 'done') return call.result.isError ? 'error' : 'ok';
  return call.code === 'cancelled' ? 'cancelled' : 'failed';
}

/** How a finished call ended: its content by type, structured content as a tree checked against the output schema, or the failure. */
export function ToolResultView({ call, toolName, serverId, outputSchema }: { call: FinishedCall; toolName: string; serverId: string; outputSchema?: unknown }) {
  const outcome = outcomeOf(call);
  const heading = { ok: 'Result', error: 'The tool reported an error', cancelled: 'Cancelled', failed: 'Failed' }[outcome];
  return (
    <section className={`pg-result pg-result-${outcome}`} data-testid="tool-result" data-outcome={outcome}>
      <header className="pg-result-header">
        <h3>{heading}</h3>
        {call.durationMs !== null ? (
          <span className="pg-duration numeric" data-testid="tool-duration" title="Time from the manager sending the call to the answer">
            {formatLatency(call.durationMs)}
          </span>
        ) : null}
        <ShowMessagesLink serverId={serverId} callId={call.callId} />
      </header>
      {call.status === 'failed' ? (
        <div className="pg-result-error" role="alert" data-testid="tool-error" data-code={call.code}>
          <strong>{failureTitleOf(call.code)}.</strong> {call.message}
        </div>
      ) : (
        <>
          <div className={call.result.isError ? 'pg-result-blocks pg-result-blocks-error' : 'pg-result-blocks'} role={call.result.isError ? 'alert' : undefined}>
            {call.result.content.length === 0 && call.result.structuredContent === undefined ? <p className="muted">The tool returned no content.</p> : null}
            {call.result.content.map((block, index) => (
              <ContentBlockView key={index} block={block} serverId={serverId} source={toolName} />
            ))}
          </div>
          <OutputSchemaCheck outputSchema={outputSchema} result={call.result} />
          {call.result.structuredContent !== undefined ? (
            <details className="pg-structured" open data-testid="structured-content">
              <summary>Structured content</summary>
              <div className="pg-content-tools">
                <CopyButton text={JSON.stringify(call.result.structuredContent, null, 2)} label="Copy JSON" />
              </div>
              <JsonTree value={call.result.structuredContent} label="Structured content" />
            </details>
          ) : null}
        </>
      )}
    </section>
  );
}
