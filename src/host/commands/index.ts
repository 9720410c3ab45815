import { clientsCommand } from './clients';
import type { CliCommand } from './command';
import { restartCommand, startCommand, stopCommand } from './lifecycle';
import { importCommand } from './import';
import { logsCommand } from './logs';
import { messagesCommand } from './messages';
import { registerCommand, unregisterCommand } from './register';
import { registryAddCommand, registrySearchCommand, registryShowCommand } from './registry';
import { runCommand } from './run';
import { serveCommand } from './serve';
import { secretsDeleteCommand, secretsListCommand, secretsSetCommand } from './secrets';
import { serversAddCommand, serversEnvCommand, serversListCommand, serversRemoveCommand } from './servers';
import { serversSharingCommand } from './servers-sharing';
import { sessionsCommand } from './sessions';
import { statusCommand } from './status';
import { callCommand, toolsCommand } from './tools';

/** Every command, in the order the main help lists them. */
export const COMMANDS: readonly CliCommand[] = [
  statusCommand,
  runCommand,
  serveCommand,
  startCommand,
  stopCommand,
  restartCommand,
  logsCommand,
  messagesCommand,
  sessionsCommand,
  toolsCommand,
  callCommand,
  serversListCommand,
  serversAddCommand,
  serversRemoveCommand,
  serversEnvCommand,
  serversSharingCommand,
  secretsListCommand,
  secretsSetCommand,
  secretsDeleteCommand,
  clientsCommand,
  registerCommand,
  unregisterCommand,
  importCommand,
  registrySearchCommand,
  registryShowCommand,
  registryAddCommand,
];
