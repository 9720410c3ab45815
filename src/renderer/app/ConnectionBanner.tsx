import { useEffect, useRef } from 'react';
import { useServersActions } from '../servers/servers-context';
import { Icon } from '../ui/Icon';
import { useConnectionStatus } from './connection-context';

/**
 * Across the top of every page while the manager cannot be reached, with a way to try again.
 * When it comes back, the server list is read again: events missed meanwhile may have changed it.
 */
export function ConnectionBanner() {
  const status = useConnectionStatus();
  const { reload } = useServersActions();
  const wasLost = useRef(false);

  useEffect(() => {
    if (status.state === 'lost') wasLost.current = true;
    else if (wasLost.current) {
      wasLost.current = false;
      void reload();
    }
  }, [status.state, reload]);

  if (status.state === 'connected') return null;
  return (
    <div className="banner banner-danger" role="alert" data-testid="connection-banner">
      <Icon name="alert" size={16} />
      <span>
        <strong>Cannot reach MCP Tray.</strong> {status.message}
      </span>
      <span className="spacer" />
      <button type="button" className="btn btn-small" onClick={() => void reload()}>
        Try again
      </button>
    </div>
  );
}
