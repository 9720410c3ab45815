import { useCallback, useState } from 'react';
import type { ApiClient } from '../../api/api-client';
import { EmptyState } from '../../ui/StatusStates';
import type { ChosenEntry } from '../chosen-entry';
import { CheckAgainButton } from '../CheckAgainButton';
import { ListingGate } from '../ListingGate';
import type { Prompt } from '../mcp-types';
import { PromptPanel } from './PromptPanel';
import { useServerListing } from '../use-server-listing';

function PromptsView({ serverId, prompts, reload, chosen, onChoose }: { serverId: string; prompts: readonly Prompt[]; reload: () => void } & ChosenEntry) {
  // Arguments typed per prompt survive switching between prompts.
  const [valuesByPrompt, setValuesByPrompt] = useState<Record<string, Record<string, string>>>({});
  const selected = prompts.find((prompt) => prompt.name === chosen) ?? prompts[0];
  if (!selected) {
    return (
      <EmptyState title="This server has no prompts" testId="prompts-empty" action={<CheckAgainButton onClick={reload} />}>
        Its tools and resources are in the other tabs.
      </EmptyState>
    );
  }
  return (
    <div className="pg-split">
      <nav className="pg-list" aria-label="Prompts">
        <ul className="pg-list-items">
          {prompts.map((prompt) => (
            <li key={prompt.name}>
              <button
                type="button"
                className="pg-list-item"
                aria-current={prompt.name === selected.name ? 'true' : undefined}
                onClick={() => onChoose(prompt.name)}
                data-testid="prompt-list-item"
                data-prompt={prompt.name}
              >
                <span className="pg-list-item-name">
                  <code>{prompt.name}</code>
                </span>
                {prompt.title ? <span className="pg-list-item-title">{prompt.title}</span> : null}
                {prompt.description ? <span className="pg-list-item-description">{prompt.description}</span> : null}
                <span className="pg-list-item-meta">
                  {(prompt.arguments ?? []).length} argument{(prompt.arguments ?? []).length === 1 ? '' : 's'}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <PromptPanel
        key={`${serverId}:${selected.name}`}
        serverId={serverId}
        prompt={selected}
        values={valuesByPrompt[selected.name] ?? {}}
        onValuesChange={(values) => setValuesByPrompt((current) => ({ ...current, [selected.name]: values }))}
      />
    </div>
  );
}

/** The Prompts tab: each prompt with its arguments as a form and its messages previewed. */
export function PromptsTab({ serverId, chosen, onChoose }: { serverId: string } & ChosenEntry) {
  const load = useCallback(async (api: ApiClient) => (await api.call('prompts.list', { serverId })).prompts, [serverId]);
  const { state, reload } = useServerListing(serverId, 'prompts', load);
  return (
    <div className="playground" data-testid="prompts-tab">
      <ListingGate serverId={serverId} what="prompts" state={state} reload={reload}>
        {(prompts, reloadPrompts) => <PromptsView serverId={serverId} prompts={prompts} reload={reloadPrompts} chosen={chosen} onChoose={onChoose} />}
      </ListingGate>
    </div>
  );
}
