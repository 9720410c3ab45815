/**
 * Tools that run only as MCP tasks. MCP 2025-11-25, basic/utilities/tasks, "Tool-Level
 * Negotiation": when a tool's `execution.taskSupport` is "required", clients MUST invoke it as a
 * task (and servers answer -32601 otherwise). MCP Tray calls tools as plain requests only.
 */

/** Why such a tool cannot be called here, in words for the person who tried. */
export const TASK_REQUIRED_REASON =
  'This tool runs only as an MCP task (taskSupport "required"), and MCP Tray cannot run MCP tasks yet, so it cannot be called here. Use a client that supports MCP tasks for it.';

export function requiresTaskExecution(tool: { execution?: { taskSupport?: string | undefined } | undefined }): boolean {
  return tool.execution?.taskSupport === 'required';
}
