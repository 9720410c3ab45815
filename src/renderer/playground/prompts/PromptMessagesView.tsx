import { ContentBlockView } from '../results/ContentBlockView';
import type { PromptMessage } from '../mcp-types';

/** A prompt's messages as a client would send them to a model: role, then content by type. */
export function PromptMessagesView({ messages, description, serverId, promptName }: { messages: readonly PromptMessage[]; description: string | undefined; serverId: string; promptName: string }) {
  return (
    <section className="pg-result pg-result-ok" data-testid="prompt-messages">
      <header className="pg-result-header">
        <h3>
          {messages.length} message{messages.length === 1 ? '' : 's'}
        </h3>
      </header>
      {description ? <p className="muted">{description}</p> : null}
      <ol className="stacked-list roomy pg-messages">
        {messages.map((message, index) => (
          <li key={index} className={`pg-message pg-message-${message.role}`} data-testid="prompt-message" data-role={message.role}>
            <span className="pg-message-role">{message.role}</span>
            <div className="pg-message-content">
              <ContentBlockView block={message.content} serverId={serverId} source={promptName} />
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
