import { TASK_REQUIRED_REASON, requiresTaskExecution } from '../../../shared/tool-task-support';
import type { Tool } from '../mcp-types';

/** A badge in the tool list for a tool that runs only as an MCP task. */
export function TaskOnlyBadge({ tool }: { tool: Tool }) {
  if (!requiresTaskExecution(tool)) return null;
  return (
    <span className="pg-badge pg-badge-assumed" title={TASK_REQUIRED_REASON} data-testid="badge-task-only">
      MCP task only
    </span>
  );
}

/** Why such a tool cannot be called from the playground, above its form. */
export function TaskOnlyNotice({ tool }: { tool: Tool }) {
  if (!requiresTaskExecution(tool)) return null;
  return (
    <p className="pg-warning" role="note" data-testid="task-only-notice">
      {TASK_REQUIRED_REASON}
    </p>
  );
}
