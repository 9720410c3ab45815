import { useCallback, useState } from 'react';
import type { ApiClient } from '../../api/api-client';
import { useApi } from '../../app/api-context';
import { EmptyState } from '../../ui/StatusStates';
import type { ChosenEntry } from '../chosen-entry';
import { CheckAgainButton } from '../CheckAgainButton';
import { ListingGate } from '../ListingGate';
import type { Tool } from '../mcp-types';
import { toolCallRunner } from './playground-stores';
import { ToolList } from './ToolList';
import { ToolPanel } from './ToolPanel';
import { useServerListing } from '../use-server-listing';
import { ToolAccessBar } from '../../tool-access/ToolAccessBar';
import { ToolSwitch } from '../../tool-access/ToolSwitch';
import { ALL_CLIENTS, toolSwitchState, type ClientChoice } from '../../tool-access/tool-switch-state';
import { useToolAccess } from '../../tool-access/use-tool-access';
import { HeldToolsCallout } from '../../tool-changes/HeldToolsCallout';

const loadTools = async (api: ApiClient, serverId: string): Promise<Tool[]> => (await api.call('tools.list', { serverId })).tools;

function ToolsView({ serverId, tools, reload, chosen, onChoose }: { serverId: string; tools: readonly Tool[]; reload: () => void } & ChosenEntry) {
  const api = useApi();
  const runner = toolCallRunner(api, serverId);
  const access = useToolAccess(serverId);
  const [choice, setChoice] = useState<ClientChoice>(ALL_CLIENTS);
  // Without the switches (the manager cannot tell which tools are on), the playground works as before.
  const current = access.state.data;
  // The first tool is open from the start: one click fewer for the common case.
  const selected = tools.find((tool) => tool.name === chosen) ?? tools[0];
  if (!selected) {
    return (
      <EmptyState title="This server has no tools" testId="tools-empty" action={<CheckAgainButton onClick={reload} />}>
        It may offer resources or prompts instead; see the other tabs.
      </EmptyState>
    );
  }
  return (
    <>
      <HeldToolsCallout serverId={serverId} />
      {current ? (
        <ToolAccessBar access={current} tools={tools.map((tool) => tool.name)} choice={choice} onChoice={setChoice} error={access.setEnabled.error?.message} />
      ) : null}
      <div className="pg-split">
        <ToolList
          tools={tools}
          selected={selected.name}
          onSelect={onChoose}
          runner={runner}
          renderSwitch={current ? (tool) => <ToolSwitch access={current} tool={tool.name} choice={choice} saving={access.saving} onChange={(name, enabled) => void access.setEnabled.run(name, enabled, choice)} /> : undefined}
          isOff={current ? (tool) => !toolSwitchState(current, tool.name, choice).on : undefined}
        />
        {/* Keyed by tool, so each tool's panel starts from that tool's own saved input. */}
        <ToolPanel key={`${serverId}:${selected.name}`} serverId={serverId} tool={selected} runner={runner} />
      </div>
    </>
  );
}

/** The Tools tab of a server's page: every tool, callable by hand. */
export function ToolsTab({ serverId, chosen, onChoose }: { serverId: string } & ChosenEntry) {
  const load = useCallback((api: ApiClient) => loadTools(api, serverId), [serverId]);
  const { state, reload } = useServerListing(serverId, 'tools', load);
  return (
    <div className="playground" data-testid="tools-tab">
      <ListingGate serverId={serverId} what="tools" state={state} reload={reload}>
        {(tools, reloadTools) => <ToolsView serverId={serverId} tools={tools} reload={reloadTools} chosen={chosen} onChoose={onChoose} />}
      </ListingGate>
    </div>
  );
}
