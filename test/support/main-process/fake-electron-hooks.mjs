// Registered with `node --import` before the main process starts: every import of 'electron'
// gets fake-electron.mjs instead, so src/main/index.ts runs in plain Node (see src/main/main-process.test.ts).
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
    const fake = ${JSON.stringify(new URL('./fake-electron.mjs', import.meta.url).href)};
    export async function resolve(specifier, context, next) {
      if (specifier === 'electron') return { url: fake, shortCircuit: true };
      return next(specifier, context);
    }
  `)}`,
);
