/**
 * What each tray menu item does. Failures are told to the person (a server that will not start
 * says why); nothing here throws.
 */
import { errorEnvelope, type ContractPort } from '../surfaces/contract-port';
import { describeClaudeRegistration, type Notice } from './registration-notice';
import type { TrayAction } from './tray-menu-model';

export interface TrayActionContext {
  manager: ContractPort;
  openWindow: () => void;
  quit: () => void;
  notify: (notice: Notice) => void;
  setRegisteringClaudeDesktop: (registering: boolean) => void;
}

const SERVER_METHODS = { 'start-server': 'servers.start', 'stop-server': 'servers.stop', 'restart-server': 'servers.restart' } as const;
const SERVER_VERBS = { 'start-server': 'start', 'stop-server': 'stop', 'restart-server': 'restart' } as const;

export async function runTrayAction(action: TrayAction, context: TrayActionContext): Promise<void> {
  switch (action.type) {
    case 'start-server':
    case 'stop-server':
    case 'restart-server':
      try {
        await context.manager.call(SERVER_METHODS[action.type], { id: action.serverId });
      } catch (error) {
        context.notify({ title: `Could not ${SERVER_VERBS[action.type]} ${action.serverId}`, body: errorEnvelope(error).error.message, level: 'error' });
      }
      return;
    case 'open-window':
      context.openWindow();
      return;
    case 'register-claude-desktop':
      context.setRegisteringClaudeDesktop(true);
      try {
        const result = await context.manager.call('clients.register', { clientId: 'claude-desktop' });
        context.notify(describeClaudeRegistration({ ok: true, result }));
      } catch (error) {
        context.notify(describeClaudeRegistration(errorEnvelope(error)));
      } finally {
        context.setRegisteringClaudeDesktop(false);
      }
      return;
    case 'set-start-at-login':
      try {
        await context.manager.call('settings.update', { startAtLogin: action.enabled });
      } catch (error) {
        context.notify({ title: 'Could not change "Start at login"', body: errorEnvelope(error).error.message, level: 'error' });
      }
      return;
    case 'quit':
      context.quit();
      return;
  }
}
