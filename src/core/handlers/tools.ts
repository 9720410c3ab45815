import { ContractError } from '../../shared/contract';
import { TASK_REQUIRED_REASON, requiresTaskExecution } from '../../shared/tool-task-support';
import { runningLists, type CoreParts, type HandlersOf } from './core-parts';

export function toolHandlers(parts: CoreParts): HandlersOf<'tools.list' | 'tools.call' | 'calls.cancel'> {
  return {
    'tools.list': async ({ serverId }) => ({ tools: runningLists(parts, serverId).tools }),
    'tools.call': async ({ serverId, name, arguments: args, callId, timeoutMs }) => {
      const supervisor = parts.supervisorFor(parts.catalog.get(serverId).id);
      const tool = supervisor.lists?.tools.find((candidate) => candidate.name === name);
      if (tool && requiresTaskExecution(tool)) throw new ContractError('invalid_input', `${name}: ${TASK_REQUIRED_REASON}`);
      const id = callId ?? parts.nextCallId();
      const { result, durationMs } = await supervisor.timedCall({ name, arguments: args, callId: id, timeoutMs });
      return { callId: id, durationMs, result };
    },
    'calls.cancel': async ({ callId }) => ({ cancelled: parts.runningCalls.cancel(callId) }),
  };
}
