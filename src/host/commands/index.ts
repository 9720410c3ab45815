import { clientsCommand } from './clients';
import type { CliCommand } from './command';
import { restartCommand, startCommand, stopCommand } from './lifecycle';
import { logsCommand } from './logs';
import { registerCommand, unregisterCommand } from './register';
import { runCommand } from './run';
import { serveCommand } from './serve';
import { secretsDeleteCommand, secretsListCommand, secretsSetCommand } from './secrets';
import { serversAddCommand, serversEnvCommand, serversListCommand, serversRemoveCommand } from './servers';
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
  toolsCommand,
  callCommand,
  serversListCommand,
  serversAddCommand,
  serversRemoveCommand,
  serversEnvCommand,
  secretsListCommand,
  secretsSetCommand,
  secretsDeleteCommand,
  clientsCommand,
  registerCommand,
  unregisterCommand,
];
