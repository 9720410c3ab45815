import { existsSync, readFileSync, statSync } from 'node:fs';
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

/**
 * Node reads and compiles all of it before the first message is answered. The SDK and the parts of zod
 * it uses are about 0.6 MB; a stray import of all of zod (its forty locales) or of HTTP mode's Redis
 * client added 0.5 MB to 1.5 MB, and the SDK's Node shims 0.2 MB of Ajv, before this bound.
 */
const MAX_START_UP_BYTES = 800_000;

/** The chunk name (esbuild names a chunk after its entry module) of each lazily loaded part. */
const LAZY_PARTS = { weather: ['serve-remote'], github: ['serve-remote', 'octokit', 'all-tools'] };

// A stdio start (what MCP Tray and Claude Desktop run) must not read or compile code it does not need to
// list its tools: HTTP mode (auth, limits, metrics, the Redis client), and Octokit and the GitHub tools' own schemas and code, which only a call needs.
describe.each(Object.entries(LAZY_PARTS))('the built %s server', (id, lazyParts) => {
  const entry = join(serversDir, `${id}.js`);

  it(`reads at most ${MAX_START_UP_BYTES} bytes of code before it answers`, () => {
    const files = [...staticGraph(entry)];
    const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
    expect(bytes, files.join(', ')).toBeLessThanOrEqual(MAX_START_UP_BYTES);
  });

  it('leaves out Ajv, which the SDK would make its default JSON Schema validator on Node', () => {
    const startUpCode = [...staticGraph(entry)].map((file) => readFileSync(file, 'utf8')).join('\n');
    expect(startUpCode).not.toContain('AjvJsonSchemaValidator');
  });

  it.each(lazyParts)('loads %s only through a dynamic import', (part) => {
    const loadedAtStart = staticGraph(entry);
    const dynamic = [...loadedAtStart].flatMap((file) => relativeImports(file, DYNAMIC_IMPORT));
    const chunk = dynamic.filter((file) => new RegExp(`[\\\\/]${part}-[\\w-]+\\.js$`).test(file));
    expect(chunk, `dynamic imports: ${dynamic.join(', ')}`).toHaveLength(1);
    expect(existsSync(chunk[0]!)).toBe(true);
    expect(loadedAtStart.has(chunk[0]!)).toBe(false);
  });
});
