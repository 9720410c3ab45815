/**
 * Fetches the exact file of an npm package with `npm pack` and checks it against the SHA-256 the
 * registry gives (server.json `fileSha256`: "clients must validate the downloaded file matches the
 * hash before running packages"). Only a file that matches is kept, and that file is what runs.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ContractError } from '../../shared/contract';
import { reasonOf } from '../../shared/error-message';

const PACK_TIMEOUT_MS = 120_000;
const PackOutputSchema = z.array(z.looseObject({ filename: z.string().min(1) })).min(1);

interface VerifyOptions {
  npmPath: string;
  /** `<identifier>@<version>` */
  spec: string;
  expectedSha256: string;
  /** Folder the checked file is kept in. */
  destination: string;
  env: Record<string, string>;
}

function runNpmPack(options: VerifyOptions): Promise<string> {
  // After `--` npm reads the spec as a package spec, never as one of its own options.
  const args = ['pack', '--json', '--ignore-scripts', '--pack-destination', options.destination, '--', options.spec];
  return new Promise((resolve, reject) => {
    execFile(options.npmPath, args, { cwd: options.destination, env: options.env, timeout: PACK_TIMEOUT_MS, maxBuffer: 8 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const lastLine = stderr.trim().split('\n').filter(Boolean).slice(-3).join(' ').slice(0, 400);
        reject(new ContractError('failed', `npm pack ${options.spec} failed (${lastLine || reasonOf(error)}). Check the network and that this version exists on npm.`));
      } else resolve(stdout);
    });
  });
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Returns the path of the checked tarball; refuses, keeping nothing, when the file does not match. */
export async function fetchVerifiedNpmTarball(options: VerifyOptions): Promise<string> {
  await mkdir(options.destination, { recursive: true, mode: 0o700 });
  const stdout = await runNpmPack(options);
  let parsed: z.infer<typeof PackOutputSchema>;
  try {
    parsed = PackOutputSchema.parse(JSON.parse(stdout));
  } catch {
    throw new ContractError('failed', `npm pack ${options.spec} did not say which file it wrote. Update npm (npm install -g npm) and try again.`);
  }
  const file = path.join(options.destination, path.basename(parsed[0]?.filename ?? ''));
  const actual = sha256Of(await readFile(file));
  if (actual !== options.expectedSha256) {
    await rm(file, { force: true });
    throw new ContractError(
      'failed',
      `The npm package ${options.spec} does not match the SHA-256 the MCP Registry gives for it (registry: ${options.expectedSha256}, file: ${actual}). ` +
        'MCP Tray did not add it and ran none of it. The file on npm is not the one the publisher registered: tell the publisher, or choose another version.',
    );
  }
  return file;
}
