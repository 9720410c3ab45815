import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findExecutable } from './find-executable';

describe('findExecutable', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'mcp-tray-exec-'));
    await writeFile(path.join(dir, 'tool'), '#!/bin/sh\n');
    await chmod(path.join(dir, 'tool'), 0o755);
    await writeFile(path.join(dir, 'not-executable'), 'text');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('finds a bare name on PATH', async () => {
    expect(await findExecutable('tool', `/nonexistent:${dir}`)).toBe(path.join(dir, 'tool'));
  });

  it('checks a path as given', async () => {
    expect(await findExecutable(path.join(dir, 'tool'), '')).toBe(path.join(dir, 'tool'));
  });

  it('refuses files that are missing or not executable', async () => {
    expect(await findExecutable('missing-command-xyz', dir)).toBeUndefined();
    expect(await findExecutable('not-executable', dir)).toBeUndefined();
    expect(await findExecutable(dir, '')).toBeUndefined();
  });
});
