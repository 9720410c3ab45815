import type { CoreParts, HandlersOf } from './core-parts';

export function settingsHandlers(parts: CoreParts): HandlersOf<'settings.get' | 'settings.update'> {
  return {
    'settings.get': async () => parts.catalog.app,
    'settings.update': async (change) => {
      const saved = parts.catalog.updateApp(change);
      parts.logs.setBufferSize(saved.logBufferSize);
      parts.emit('settings.changed', saved);
      return saved;
    },
  };
}
