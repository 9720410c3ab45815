import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiKeyRing } from './api-keys';

const ALICE = 'alice-key-0123456789abcdef';
const BOB = 'bob-key-0123456789abcdef';
const folders: string[] = [];

function keyFile(text: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'api-keys-'));
  folders.push(folder);
  const file = join(folder, 'keys');
  writeFileSync(file, text);
  return file;
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('ApiKeyRing', () => {
  it('names the caller whose key matches, and nobody for any other string', () => {
    const ring = new ApiKeyRing({ inline: `alice:${ALICE}, bob:${BOB}` });
    expect(ring.identify(ALICE)).toBe('alice');
    expect(ring.identify(BOB)).toBe('bob');
    expect(ring.identify(`${ALICE}x`)).toBeUndefined();
    expect(ring.identify('')).toBeUndefined();
  });

  it('accepts an old and a new key under one name at once, so keys rotate without downtime', () => {
    const ring = new ApiKeyRing({ inline: `alice:${ALICE},alice:${ALICE}-rotated` });
    expect(ring.identify(ALICE)).toBe('alice');
    expect(ring.identify(`${ALICE}-rotated`)).toBe('alice');
  });

  it('reads a file of name:key lines, skipping blanks and comments, and re-reads it on reload', () => {
    const file = keyFile(`# team keys\n\nalice:${ALICE}\r\n`);
    const ring = new ApiKeyRing({ file, inline: `bob:${BOB}` });
    expect(ring.size).toBe(2);
    writeFileSync(file, `carol:${ALICE}-carol\n`);
    ring.reload();
    expect(ring.identify(ALICE)).toBeUndefined();
    expect(ring.identify(`${ALICE}-carol`)).toBe('carol');
    expect(ring.identify(BOB)).toBe('bob');
  });

  it('keeps the keys in use when a reload finds a broken file', () => {
    const file = keyFile(`alice:${ALICE}\n`);
    const ring = new ApiKeyRing({ file });
    writeFileSync(file, `alice ${ALICE}\n`);
    expect(() => ring.reload()).toThrow(/line 1 must be name:key/);
    expect(ring.identify(ALICE)).toBe('alice');
  });

  it('refuses short keys, bad names and one key shared by two names, without echoing a key', () => {
    const attempts = [
      { inline: 'alice:short' },
      { inline: `al ice:${ALICE}` },
      { inline: ALICE },
      { inline: `alice:${ALICE},bob:${ALICE}` },
      // Written key:name, the wrong way round: the key looks like a name.
      { inline: `${ALICE}:short` },
    ];
    for (const sources of attempts) {
      let message = '';
      try {
        new ApiKeyRing(sources);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/MCP_AUTH_TOKENS|same API key/);
      expect(message).not.toContain(ALICE);
      expect(message).not.toContain('short');
    }
  });

  it('says which file cannot be read', () => {
    expect(() => new ApiKeyRing({ file: '/nonexistent/keys' })).toThrow(/MCP_AUTH_TOKENS_FILE \/nonexistent\/keys cannot be read \(ENOENT\)/);
  });
});
