import { useCallback, useRef, useState } from 'react';
import { messageOf } from '../../../shared/error-message';
import { useApi } from '../../app/api-context';
import type { ResourceContents } from '../mcp-types';

export type ResourceReadState =
  | { status: 'idle' }
  | { status: 'reading'; uri: string }
  | { status: 'read'; uri: string; contents: ResourceContents[]; durationMs: number }
  | { status: 'error'; uri: string; message: string };

/** resources.read for one panel; a newer read wins over an older one still on its way. */
export function useResourceRead(serverId: string): { state: ResourceReadState; read: (uri: string) => void } {
  const api = useApi();
  const [state, setState] = useState<ResourceReadState>({ status: 'idle' });
  const latest = useRef(0);
  const read = useCallback(
    (uri: string) => {
      const attempt = (latest.current += 1);
      const startedAt = performance.now();
      setState({ status: 'reading', uri });
      api.call('resources.read', { serverId, uri }).then(
        (result) => {
          if (attempt === latest.current) setState({ status: 'read', uri, contents: result.contents, durationMs: performance.now() - startedAt });
        },
        (error: unknown) => {
          if (attempt === latest.current) setState({ status: 'error', uri, message: messageOf(error) });
        },
      );
    },
    [api, serverId],
  );
  return { state, read };
}
