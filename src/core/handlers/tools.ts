import { ContractError } from '../../shared/contract';
import { TASK_REQUIRED_REASON, requiresTaskExecution } from '../../shared/tool-task-support';
import type { ServerSupervisor } from '../supervisor';
import { runningLists, type CoreParts, type HandlersOf } from './core-parts';

export function toolHandlers(parts: CoreParts): HandlersOf<'tools.list' | 'tools.call' | 'calls.cancel'> {
  /** Which server runs each call in flight, so calls.cancel needs only the call id. */
  const owners = new Map<string, ServerSupervisor>();
  return {
    'tools.list': async ({ serverId }) => ({ tools: runningLists(parts, serverId).tools }),
    'tools.call': async ({ serverId, name, arguments: args, callId, timeoutMs }) => {
      const supervisor = parts.supervisorFor(parts.catalog.get(serverId).id);
      const tool = supervisor.lists?.tools.find((candidate) => candidate.name === name);
      if (tool && requiresTaskExecution(tool)) throw new ContractError('invalid_input', `${name}: ${TASK_REQUIRED_REASON}`);
      const id = callId ?? parts.nextCallId();
      if (owners.has(id)) throw new ContractError('conflict', `A call with id "${id}" is already running.`);
      owners.set(id, supervisor);
      const startedAt = performance.now();
      try {
        const result = await supervisor.callTool({ name, arguments: args, callId: id, timeoutMs });
        return { callId: id, durationMs: Math.round((performance.now() - startedAt) * 100) / 100, result };
      } finally {
        owners.delete(id);
      }
    },
    'calls.cancel': async ({ callId }) => ({ cancelled: owners.get(callId)?.cancelCall(callId) ?? false }),
  };
}
