import { ContractError } from '../../shared/contract';
import { applyToRunning, type CoreParts, type HandlersOf } from './core-parts';

export function secretHandlers(parts: CoreParts): HandlersOf<'secrets.list' | 'secrets.set' | 'secrets.delete'> {
  const { catalog, secrets: store } = parts;

  const requireDeclaredSecret = (serverId: string, name: string): void => {
    const definition = catalog.get(serverId);
    if (!definition.secretEnv.includes(name)) {
      const declared = definition.secretEnv.length > 0 ? definition.secretEnv.join(', ') : 'none';
      throw new ContractError('invalid_input', `"${serverId}" does not declare a secret named ${name} (it declares: ${declared}).`);
    }
  };

  return {
    'secrets.list': async ({ serverId }) => {
      const definitions = serverId ? [catalog.get(serverId)] : catalog.list();
      const secrets = [];
      for (const definition of definitions) {
        for (const name of definition.secretEnv) {
          secrets.push({ serverId: definition.id, name, isSet: await store.has(definition.id, name) });
        }
      }
      return { secrets, keychainService: store.service };
    },
    'secrets.set': async ({ serverId, name, value }) => {
      requireDeclaredSecret(serverId, name);
      await store.set(serverId, name, value);
      await applyToRunning(parts, serverId, `the new ${name}`);
      return { serverId, name, isSet: true };
    },
    'secrets.delete': async ({ serverId, name }) => {
      requireDeclaredSecret(serverId, name);
      await store.delete(serverId, name);
      await applyToRunning(parts, serverId, `the removal of ${name}`);
      return { serverId, name, isSet: false };
    },
  };
}
