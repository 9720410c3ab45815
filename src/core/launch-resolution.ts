import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ContractError, CustomServerInputSchema } from '../shared/contract';
import { BYTES_PER_MB } from '../shared/message-size';
import { messageOf } from '../shared/error-message';
import { buildServerEnv, type Runtime } from '../shared/node/server-env';
import { customDefinition, type ServerCatalog } from './catalog';
import type { ErrorRedaction } from './error-redaction';
import { findExecutable } from '../shared/node/find-executable';
import type { LogStore } from './logs';
import type { SecretStore } from './secrets';
import type { LaunchSpec } from './supervisor';

interface LaunchResolutionOptions {
  dataDir: string;
  runtime: Runtime;
  secrets: SecretStore;
  catalog: ServerCatalog;
  logs: LogStore;
  errorRedaction: ErrorRedaction;
}

/** What a server is started with, worked out afresh at every start so a changed secret or setting takes effect. */
export class LaunchResolution {
  constructor(private readonly options: LaunchResolutionOptions) {}

  async resolve(id: string): Promise<LaunchSpec> {
    const { catalog, secrets: store, runtime, dataDir } = this.options;
    const definition = catalog.get(id);
    const secrets: Record<string, string> = {};
    for (const name of definition.secretEnv) {
      try {
        const value = await store.get(id, name);
        if (value !== undefined) secrets[name] = value;
      } catch (error) {
        // Start without it: the server's own tools say which secret is missing.
        this.options.logs.append({ serverId: id, level: 'warn', source: 'lifecycle', message: `could not read secret ${name}: ${messageOf(error)}` });
      }
    }
    this.options.errorRedaction.addSecrets(id, Object.values(secrets));
    const env = buildServerEnv(definition, runtime, secrets);
    const command = definition.kind === 'custom' ? ((await findExecutable(definition.command, env.PATH)) ?? definition.command) : definition.command;
    const cwd = path.join(dataDir, 'servers', id);
    await mkdir(cwd, { recursive: true, mode: 0o700 });
    const maxMessageBytes = () => catalog.app.maxMessageMb * BYTES_PER_MB;
    return { command, args: definition.args, env, cwd, maxMessageBytes, secretValues: Object.values(secrets) };
  }

  /** Refuses a custom server's command that cannot be found where the server would look for it. */
  async requireCommand(command: string): Promise<void> {
    const env = buildServerEnv(customDefinition(CustomServerInputSchema.parse({ id: 'probe', name: 'probe', command })), this.options.runtime, {});
    if (!(await findExecutable(command, env.PATH))) {
      throw new ContractError(
        'invalid_input',
        `Command "${command}" was not found or is not executable (looked in PATH: ${env.PATH}). Install it, or give its full path.`,
      );
    }
  }
}
