import { ContractError } from '../../shared/contract';
import type { CoreParts, HandlersOf } from './core-parts';

type ToolExposureMethods = 'tools.access' | 'tools.setEnabled' | 'tools.changes' | 'tools.approve';

const notYet = async (): Promise<never> => {
  throw new ContractError('failed', 'Per-client tool switches and pinned tool definitions are not available in this build.');
};

/** Which tools each client is shown: the switches per client, and definitions held back until approved. */
export function toolExposureHandlers(_parts: CoreParts): HandlersOf<ToolExposureMethods> {
  return { 'tools.access': notYet, 'tools.setEnabled': notYet, 'tools.changes': notYet, 'tools.approve': notYet };
}
