import { BinaryContentView } from '../playground/results/BinaryContentView';
import { JsonTree } from '../playground/results/JsonTree';
import { TextContentView } from '../playground/results/TextContentView';
import { contentBlocks, type SamplingContent, type SamplingRequest } from './request-kinds';

function ContentView({ block }: { block: SamplingContent }) {
  switch (block.type) {
    case 'text':
      return <TextContentView text={block.text} source="sampling message" />;
    case 'image':
      return <BinaryContentView base64={block.data} mimeType={block.mimeType} kind="image" description="Image in the sampling request" />;
    case 'audio':
      return <BinaryContentView base64={block.data} mimeType={block.mimeType} kind="audio" description="Audio in the sampling request" />;
    default:
      return <JsonTree value={block} label={block.type} />;
  }
}

/** The conversation the server wants continued, each message under its role. */
export function SamplingMessages({ messages }: { messages: SamplingRequest['params']['messages'] }) {
  return (
    <ol className="stacked-list" data-testid="sampling-messages">
      {messages.map((message, index) => (
        <li key={index} className={`sr-message sr-message-${message.role}`}>
          <span className="sr-role">{message.role}</span>
          {contentBlocks(message).map((block, blockIndex) => (
            <ContentView key={blockIndex} block={block} />
          ))}
        </li>
      ))}
    </ol>
  );
}

/** The request's limits and preferences, those it gave. */
export function SamplingSettings({ params }: { params: SamplingRequest['params'] }) {
  const preferences = params.modelPreferences;
  const rows: Array<[string, string]> = [
    ['Max tokens', String(params.maxTokens)],
    ...(params.temperature !== undefined ? ([['Temperature', String(params.temperature)]] as Array<[string, string]>) : []),
    ...(params.stopSequences?.length ? ([['Stop sequences', params.stopSequences.map((stop) => JSON.stringify(stop)).join(', ')]] as Array<[string, string]>) : []),
    ...(preferences?.hints?.length ? ([['Model hints', preferences.hints.map((hint) => hint.name ?? '?').join(', ')]] as Array<[string, string]>) : []),
    ...(['costPriority', 'speedPriority', 'intelligencePriority'] as const).flatMap((key): Array<[string, string]> =>
      preferences?.[key] !== undefined ? [[PRIORITY_LABELS[key], String(preferences[key])]] : [],
    ),
    ...(params.includeContext !== undefined ? ([['Include context', params.includeContext]] as Array<[string, string]>) : []),
  ];
  return (
    <dl className="sr-settings" data-testid="sampling-settings">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

const PRIORITY_LABELS = { costPriority: 'Cost priority', speedPriority: 'Speed priority', intelligencePriority: 'Intelligence priority' } as const;
