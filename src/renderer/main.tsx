import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { chooseApiClient } from './api/choose-client';
import { App } from './App';
import { ApiProvider } from './app/api-context';
import { ConnectionProvider } from './app/connection-context';
import { ConnectionMonitor } from './app/connection-monitor';
import { ServersProvider } from './servers/servers-context';
import { HeldToolsProvider } from './tool-changes/held-tools-context';
import { ConfirmProvider } from './ui/ConfirmProvider';
import { NoticesProvider } from './ui/NoticesProvider';
import './styles/theme.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/feedback.css';
import './styles/overlays.css';
import './styles/app-shell.css';
import './styles/servers.css';
import './styles/server-page.css';
import './styles/logs.css';
import './styles/messages.css';
import './styles/clients.css';
import './styles/clients-and-tools.css';
import './styles/playground-protocol.css';
import './styles/import.css';
import './styles/registry.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// Every call goes through the monitor, so the banner knows when the manager is out of reach.
const monitor = new ConnectionMonitor(chooseApiClient());

createRoot(container).render(
  <StrictMode>
    <ApiProvider client={monitor.client}>
      <ConnectionProvider monitor={monitor}>
        <NoticesProvider>
          <ConfirmProvider>
            <ServersProvider>
              <HeldToolsProvider>
                <App />
              </HeldToolsProvider>
            </ServersProvider>
          </ConfirmProvider>
        </NoticesProvider>
      </ConnectionProvider>
    </ApiProvider>
  </StrictMode>,
);
