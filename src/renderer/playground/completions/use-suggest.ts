import { useCallback, useMemo } from 'react';
import type { MethodInput } from '../../../shared/contract';
import { useApi } from '../../app/api-context';
import type { Suggest } from './use-completions';

type CompletionRef = MethodInput<'completions.complete'>['ref'];

/**
 * A suggest function per argument of a prompt or resource template, asking the server's
 * completion/complete with the other arguments' values as context; none when the server does not
 * declare completions.
 */
export function useSuggest(serverId: string, ref: CompletionRef, values: Readonly<Record<string, string>>, declared: boolean): (argument: string) => Suggest | undefined {
  const api = useApi();
  const refKey = ref.type === 'ref/prompt' ? ref.name : ref.uri;
  // The ref as a stable value: a new object each render would ask the server again on every keystroke elsewhere.
  const stableRef = useMemo<CompletionRef>(() => (ref.type === 'ref/prompt' ? { type: 'ref/prompt', name: refKey } : { type: 'ref/resource', uri: refKey }), [ref.type, refKey]);
  return useCallback(
    (argument: string): Suggest | undefined => {
      if (!declared) return undefined;
      return async (value) => {
        const context = Object.fromEntries(Object.entries(values).filter(([name, given]) => name !== argument && given !== ''));
        const answer = await api.call('completions.complete', { serverId, ref: stableRef, argument: { name: argument, value }, context: { arguments: context } });
        return answer.completion;
      };
    },
    [api, serverId, stableRef, values, declared],
  );
}
