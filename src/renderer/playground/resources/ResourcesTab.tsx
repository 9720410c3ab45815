import { useCallback } from 'react';
import type { ApiClient } from '../../api/api-client';
import { EmptyState } from '../../ui/StatusStates';
import type { ChosenEntry } from '../chosen-entry';
import { CheckAgainButton } from '../CheckAgainButton';
import { ListingGate } from '../ListingGate';
import type { Resource, ResourceTemplate } from '../mcp-types';
import { ResourcePanel } from './ResourcePanel';
import { ResourceTemplatePanel } from './ResourceTemplatePanel';
import { useServerListing } from '../use-server-listing';

interface ResourceLists {
  resources: Resource[];
  resourceTemplates: ResourceTemplate[];
}


function ListButton({ current, onClick, title, detail, testId }: { current: boolean; onClick: () => void; title: string; detail: string; testId: string }) {
  return (
    <li>
      <button type="button" className="pg-list-item" aria-current={current ? 'true' : undefined} onClick={onClick} data-testid={testId}>
        <span className="pg-list-item-title pg-list-item-strong">{title}</span>
        <code className="pg-list-item-description">{detail}</code>
      </button>
    </li>
  );
}

function ResourcesView({ serverId, lists, reload, chosen, onChoose }: { serverId: string; lists: ResourceLists; reload: () => void } & ChosenEntry) {
  const { resources, resourceTemplates } = lists;
  // The chosen URI (or URI template); one that vanished from the list falls back to the first item.
  const chosenResource = resources.find((item) => item.uri === chosen);
  const chosenTemplate = chosenResource ? undefined : resourceTemplates.find((item) => item.uriTemplate === chosen);
  const resource = chosenResource ?? (chosenTemplate ? undefined : resources[0]);
  const template = chosenTemplate ?? (resource ? undefined : resourceTemplates[0]);
  const selection = resource ?? template;

  if (!selection) {
    return (
      <EmptyState title="This server has no resources" testId="resources-empty" action={<CheckAgainButton onClick={reload} />}>
        It offers no resources or resource templates; its tools and prompts are in the other tabs.
      </EmptyState>
    );
  }
  return (
    <div className="pg-split">
      <nav className="pg-list" aria-label="Resources">
        {resources.length > 0 ? <h3 className="pg-list-heading">Resources</h3> : null}
        <ul className="pg-list-items">
          {resources.map((item) => (
            <ListButton
              key={item.uri}
              current={resource?.uri === item.uri}
              onClick={() => onChoose(item.uri)}
              title={item.title ?? item.name}
              detail={item.uri}
              testId="resource-list-item"
            />
          ))}
        </ul>
        {resourceTemplates.length > 0 ? <h3 className="pg-list-heading">Templates</h3> : null}
        <ul className="pg-list-items">
          {resourceTemplates.map((item) => (
            <ListButton
              key={item.uriTemplate}
              current={template?.uriTemplate === item.uriTemplate}
              onClick={() => onChoose(item.uriTemplate)}
              title={item.title ?? item.name}
              detail={item.uriTemplate}
              testId="template-list-item"
            />
          ))}
        </ul>
      </nav>
      {resource ? <ResourcePanel key={resource.uri} serverId={serverId} resource={resource} /> : null}
      {template ? <ResourceTemplatePanel key={template.uriTemplate} serverId={serverId} template={template} /> : null}
    </div>
  );
}

/** The Resources tab: the server's resources and templates, each readable. */
export function ResourcesTab({ serverId, chosen, onChoose }: { serverId: string } & ChosenEntry) {
  const load = useCallback((api: ApiClient) => api.call('resources.list', { serverId }), [serverId]);
  const { state, reload } = useServerListing(serverId, 'resources', load);
  return (
    <div className="playground" data-testid="resources-tab">
      <ListingGate serverId={serverId} what="resources" state={state} reload={reload}>
        {(lists, reloadLists) => <ResourcesView serverId={serverId} lists={lists} reload={reloadLists} chosen={chosen} onChoose={onChoose} />}
      </ListingGate>
    </div>
  );
}
