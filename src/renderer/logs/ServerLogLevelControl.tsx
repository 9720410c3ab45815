import { useEffect, useState } from 'react';
import { messageOf } from '../../shared/error-message';
import { McpLoggingLevelSchema, type McpLoggingLevel } from '../../shared/playground-contract';
import { useApi } from '../app/api-context';
import { useNotify } from '../ui/NoticesProvider';
import { useServerProtocol } from '../playground/protocol/use-server-protocol';

/**
 * The level MCP Tray's own session asks the server to log at (logging/setLevel), shown when the
 * server declares logging. Other clients keep the level they asked for; the log keeps this one.
 */
export function ServerLogLevelControl({ serverId }: { serverId: string }) {
  const api = useApi();
  const notify = useNotify();
  const { protocol, refresh } = useServerProtocol(serverId);
  const [level, setLevel] = useState<McpLoggingLevel | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => setLevel(protocol?.logLevel), [protocol?.logLevel]);

  if (!protocol?.capabilities.logging || level === undefined) return null;

  const choose = (next: McpLoggingLevel) => {
    const before = level;
    setLevel(next);
    setBusy(true);
    api
      .call('logs.setServerLevel', { serverId, level: next })
      .then(
        () => refresh(),
        (error: unknown) => {
          setLevel(before);
          notify({ kind: 'error', message: `Could not set the server's log level: ${messageOf(error)}` });
        },
      )
      .finally(() => setBusy(false));
  };

  return (
    <label className="log-server-level" title="The level MCP Tray asks this server to send its MCP log messages at (logging/setLevel). Other connected clients keep their own.">
      <span>Server sends</span>
      <select className="input select" value={level} disabled={busy} onChange={(event) => choose(McpLoggingLevelSchema.parse(event.target.value))} data-testid="server-log-level">
        {McpLoggingLevelSchema.options.map((option) => (
          <option key={option} value={option}>
            {option} and above
          </option>
        ))}
      </select>
    </label>
  );
}
