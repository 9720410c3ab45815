import { SERVER_ID_PATTERN } from '../../shared/vocabulary';

const MAX_ID_LENGTH = 63;

/** A valid MCP Tray id from a registry name (`io.github.user/weather` → `weather`), with a suffix when taken. */
export function serverIdFor(registryName: string, taken: ReadonlySet<string>): string {
  const last = registryName.slice(registryName.lastIndexOf('/') + 1);
  const base =
    last
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, MAX_ID_LENGTH)
      .replace(/-+$/, '') || 'server';
  if (!taken.has(base) && SERVER_ID_PATTERN.test(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    const tail = `-${suffix}`;
    const candidate = `${base.slice(0, MAX_ID_LENGTH - tail.length).replace(/-+$/, '')}${tail}`;
    if (!taken.has(candidate)) return candidate;
  }
}
