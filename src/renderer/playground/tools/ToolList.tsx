import { useState, useSyncExternalStore, type ReactNode } from 'react';
import { AnnotationBadges } from './AnnotationBadges';
import type { Tool } from '../mcp-types';
import { TaskOnlyBadge } from './TaskOnlyNotice';
import { toolTitle } from './tool-annotations';
import type { ToolCallRunner } from './tool-call-runner';

interface ToolListProps {
  tools: readonly Tool[];
  selected: string | null;
  onSelect: (name: string) => void;
  runner: ToolCallRunner;
  /** A control shown beside each tool (its on/off switch), when there is one. */
  renderSwitch?: ((tool: Tool) => ReactNode) | undefined;
  /** Tools off for the clients chosen, drawn struck through. */
  isOff?: ((tool: Tool) => boolean) | undefined;
}

function matches(tool: Tool, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  if (needle === '') return true;
  return [tool.name, toolTitle(tool) ?? '', tool.description ?? ''].some((text) => text.toLowerCase().includes(needle));
}

/** A tool's name with a dot while one of its calls runs, so a call in another tool is not forgotten. */
function RunningDot({ runner, name }: { runner: ToolCallRunner; name: string }) {
  const running = useSyncExternalStore(runner.subscribe, () => runner.state(name).status === 'running');
  return running ? <span className="pg-running-dot" title="A call is running" aria-label="running" /> : null;
}

/** The server's tools, filterable, each with its title, description and annotation badges. */
export function ToolList({ tools, selected, onSelect, runner, renderSwitch, isOff }: ToolListProps) {
  const [filter, setFilter] = useState('');
  const shown = tools.filter((tool) => matches(tool, filter));
  return (
    <nav className="pg-list" aria-label="Tools">
      {tools.length > 5 ? (
        <input
          type="search"
          className="input pg-list-filter"
          placeholder="Filter tools"
          aria-label="Filter tools"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
      ) : null}
      <ul className="pg-list-items">
        {shown.map((tool) => {
          const title = toolTitle(tool);
          return (
            <li key={tool.name} className={[renderSwitch ? 'tool-with-switch' : '', isOff?.(tool) ? 'tool-off' : ''].join(' ').trim() || undefined}>
              {renderSwitch?.(tool)}
              <button
                type="button"
                className="pg-list-item"
                aria-current={tool.name === selected ? 'true' : undefined}
                onClick={() => onSelect(tool.name)}
                data-testid="tool-list-item"
                data-tool={tool.name}
              >
                <span className="pg-list-item-name">
                  <code>{tool.name}</code>
                  <RunningDot runner={runner} name={tool.name} />
                </span>
                {title ? <span className="pg-list-item-title">{title}</span> : null}
                {tool.description ? <span className="pg-list-item-description">{tool.description}</span> : null}
                <AnnotationBadges annotations={tool.annotations} />
                <TaskOnlyBadge tool={tool} />
              </button>
            </li>
          );
        })}
      </ul>
      {shown.length === 0 ? <p className="muted pg-list-empty">No tool matches “{filter}”.</p> : null}
    </nav>
  );
}
