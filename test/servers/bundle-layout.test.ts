import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/mcp-child';

const serversDir = join(projectRoot, 'out/servers');
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*"(\.\.?\/[^"]+)"/g;
const DYNAMIC_IMPORT = /\bimport\(\s*"(\.\.?\/[^"]+)"\s*\)/g;

function relativeImports(file: string, pattern: RegExp): string[] {
  return [...readFileSync(file, 'utf8').matchAll(pattern)].map((match) => join(dirname(file), match[1]!));
}

/** Every file node reads and compiles before the entry runs: the entry and what it imports statically. */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const next of relativeImports(file, STATIC_IMPORT)) visit(next);
  };
  visit(entry);
  return seen;
}

// A stdio start (what MCP Tray and Claude Desktop run) must not read or compile HTTP mode's code:
// auth, limits, metrics and the Redis client are most of the bundle.
describe.each(['weather', 'github'])('the built %s server', (id) => {
  const entry = join(serversDir, `${id}.js`);

  it('keeps HTTP mode in a chunk that only a dynamic import reaches', () => {
    const loadedAtStart = staticGraph(entry);
    const dynamic = [...loadedAtStart].flatMap((file) => relativeImports(file, DYNAMIC_IMPORT));
    const remote = dynamic.filter((file) => /[\\/]serve-remote-[\w-]+\.js$/.test(file));
    expect(remote, `dynamic imports: ${dynamic.join(', ')}`).toHaveLength(1);
    expect(existsSync(remote[0]!)).toBe(true);
    expect(loadedAtStart.has(remote[0]!)).toBe(false);
    for (const file of loadedAtStart) expect(readFileSync(file, 'utf8'), file).not.toContain('prom-client');
  });
});
