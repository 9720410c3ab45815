/**
 * The house keeps its shape: reads every import of the product code under src/ (tests left out, they
 * may reach test/support) with the TypeScript compiler's own import scanner, and fails on any edge a
 * rule forbids, naming the file and the import.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const SOURCE_FILE = /\.(ts|tsx|mts|mjs)$/;
const TEST_FILE = /\.test\.(ts|tsx)$/;
const RESOLVED_EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.mjs', '.js', '/index.ts', '/index.tsx'];

interface ImportEdge {
  /** The importing file, relative to the project root, with forward slashes. */
  from: string;
  /** The import as written. */
  specifier: string;
  /** A relative import's file, relative to the project root; undefined for a package or a Node built-in. */
  target: string | undefined;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return SOURCE_FILE.test(name) && !TEST_FILE.test(name) ? [full] : [];
  });
}

function projectPath(file: string): string {
  return path.relative(projectRoot, file).split(path.sep).join('/');
}

function resolveRelative(fromFile: string, specifier: string): string {
  const base = path.resolve(path.dirname(fromFile), specifier);
  const found = RESOLVED_EXTENSIONS.map((extension) => base + extension).find((candidate) => {
    try {
      return statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
  return projectPath(found ?? base);
}

function importEdges(): ImportEdge[] {
  return sourceFiles(path.join(projectRoot, 'src')).flatMap((file) => {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    return importedFiles.map(({ fileName: specifier }) => ({
      from: projectPath(file),
      specifier,
      target: specifier.startsWith('.') ? resolveRelative(file, specifier) : undefined,
    }));
  });
}

const within = (folder: string) => (file: string | undefined) => file !== undefined && (file === folder || file.startsWith(`${folder}/`));
const isElectron = (edge: ImportEdge) => edge.specifier === 'electron' || edge.specifier.startsWith('electron/');

/** What the launcher may load of the control socket: its bridge side, kept free of the contract. */
const LEAN_CONTROL_SOCKET_FILES = [
  'src/surfaces/control-socket/bridge-client.ts',
  'src/surfaces/control-socket/bridge-protocol.ts',
  'src/surfaces/control-socket/control-token.ts',
  'src/surfaces/control-socket/ndjson-lines.ts',
  'src/surfaces/control-socket/socket-path.ts',
];

interface ImportRule {
  name: string;
  /** The edges this rule looks at. */
  applies: (edge: ImportEdge) => boolean;
  allowed: (edge: ImportEdge) => boolean;
}

const RULES: ImportRule[] = [
  {
    name: 'nothing imports electron outside src/main and src/preload',
    applies: isElectron,
    allowed: (edge) => within('src/main')(edge.from) || within('src/preload')(edge.from),
  },
  {
    name: 'src/core imports nothing from src/surfaces, src/launcher, src/host or src/main',
    applies: (edge) => within('src/core')(edge.from),
    allowed: (edge) => !['src/surfaces', 'src/launcher', 'src/host', 'src/main'].some((folder) => within(folder)(edge.target)),
  },
  {
    // The one shared piece a server uses: the token shapes it must never log, the same ones the manager hides.
    name: 'a bundled server imports nothing outside src/servers but src/shared/redact.ts, package.json and packages',
    applies: (edge) => within('src/servers')(edge.from) && edge.target !== undefined,
    allowed: (edge) => within('src/servers')(edge.target) || edge.target === 'src/shared/redact.ts' || edge.target === 'package.json',
  },
  {
    name: 'no product file imports from test/',
    applies: (edge) => edge.target !== undefined,
    allowed: (edge) => !within('test')(edge.target),
  },
  {
    name: 'src/main imports nothing from src/host',
    applies: (edge) => within('src/main')(edge.from),
    allowed: (edge) => !within('src/host')(edge.target),
  },
  {
    name: 'src/renderer imports only src/shared (not its Node-only part) and its own files',
    applies: (edge) => within('src/renderer')(edge.from) && edge.target !== undefined,
    allowed: (edge) => within('src/renderer')(edge.target) || (within('src/shared')(edge.target) && !within('src/shared/node')(edge.target)),
  },
  {
    name: 'src/launcher imports only src/shared, src/servers and the lean bridge side of the control socket',
    applies: (edge) => within('src/launcher')(edge.from) && edge.target !== undefined,
    allowed: (edge) =>
      ['src/launcher', 'src/shared', 'src/servers'].some((folder) => within(folder)(edge.target)) || LEAN_CONTROL_SOCKET_FILES.includes(edge.target ?? ''),
  },
  {
    // Every module the launcher loads delays a client's server start; the contract brings the MCP SDK's schemas.
    name: 'the control-socket files the launcher loads import neither the contract nor core',
    applies: (edge) => LEAN_CONTROL_SOCKET_FILES.includes(edge.from) && edge.target !== undefined,
    allowed: (edge) => LEAN_CONTROL_SOCKET_FILES.includes(edge.target ?? '') || (within('src/shared')(edge.target) && edge.target !== 'src/shared/contract.ts'),
  },
  {
    name: 'src/shared imports only src/shared and packages',
    applies: (edge) => within('src/shared')(edge.from) && edge.target !== undefined,
    allowed: (edge) => within('src/shared')(edge.target),
  },
  {
    // The launcher and the manager start servers by the same rules; the renderer bundle cannot hold Node code.
    name: 'src/shared outside src/shared/node imports nothing from src/shared/node',
    applies: (edge) => within('src/shared')(edge.from) && !within('src/shared/node')(edge.from),
    allowed: (edge) => !within('src/shared/node')(edge.target),
  },
  {
    name: 'src/shared/vocabulary.ts imports nothing',
    applies: (edge) => edge.from === 'src/shared/vocabulary.ts',
    allowed: () => false,
  },
];

describe('import rules over src/', () => {
  const edges = importEdges();

  it('finds the imports it checks', () => {
    // A scanner that found nothing would pass every rule.
    expect(edges.some((edge) => edge.from === 'src/main/index.ts' && isElectron(edge))).toBe(true);
    expect(edges.some((edge) => edge.from === 'src/launcher/launcher.ts' && edge.target === 'src/shared/vocabulary.ts')).toBe(true);
  });

  it.each(RULES.map((rule) => [rule.name, rule] as const))('%s', (_name, rule) => {
    const broken = edges.filter((edge) => rule.applies(edge) && !rule.allowed(edge)).map((edge) => `${edge.from} → ${edge.specifier}`);
    expect(broken, `imports that break "${rule.name}":\n${broken.join('\n')}`).toEqual([]);
  });
});
