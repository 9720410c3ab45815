/**
 * `<data folder>/tool-pins.json`: the tool definitions the user approved, per custom server. Written
 * atomically (temp file, fsync, rename) and readable by its owner only. A file that cannot be used
 * is moved aside, never trusted and never silently overwritten.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { ContractError, ServerIdSchema, describeValidationError } from '../shared/contract';
import { messageOf } from '../shared/error-message';
import { tempPathFor } from './clients/config-temp-files';
import { moveCorruptFileAside } from './corrupt-file';
import { PinnedToolSchema } from './tool-pin-definition';

export const TOOL_PINS_FILE_NAME = 'tool-pins.json';

const ServerPinsSchema = z.object({
  /** When the user last approved; null while nothing is approved (after a pin file was lost). */
  approvedAt: z.string().nullable(),
  tools: z.record(z.string(), PinnedToolSchema),
});
export type ServerPins = z.infer<typeof ServerPinsSchema>;

const ToolPinsFileSchema = z.object({
  version: z.literal(1),
  servers: z.record(ServerIdSchema, ServerPinsSchema),
});

export type PinsLoad = { kind: 'missing' } | { kind: 'valid'; servers: Record<string, ServerPins> } | { kind: 'moved-aside'; reason: string; asidePath: string };

function unusableReason(text: string): string | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return 'it is not valid JSON';
  }
  const parsed = ToolPinsFileSchema.safeParse(raw);
  return parsed.success ? undefined : `it does not hold pinned tool definitions (${describeValidationError(parsed.error)})`;
}

/** Reads the file. One that cannot be read at all stops the manager: writing over it would lose it. */
export function loadToolPins(filePath: string): PinsLoad {
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw new ContractError('failed', `Cannot read the pinned tool definitions ${filePath}: ${messageOf(error)}. Check that it is a file you can read and write.`);
  }
  const reason = unusableReason(text);
  if (reason !== undefined) return { kind: 'moved-aside', reason, asidePath: moveCorruptFileAside(filePath, 'The pinned tool definitions file') };
  return { kind: 'valid', servers: ToolPinsFileSchema.parse(JSON.parse(text)).servers };
}

/** Replaces the file in one step, so a crash leaves either the old pins or the new ones. */
export function saveToolPins(filePath: string, servers: Record<string, ServerPins>): void {
  const tempPath = tempPathFor(filePath);
  const descriptor = fs.openSync(tempPath, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
  try {
    try {
      if (process.platform !== 'win32') fs.fchmodSync(descriptor, 0o600);
      fs.writeFileSync(descriptor, `${JSON.stringify({ version: 1, servers }, undefined, 2)}\n`, 'utf8');
      fs.fsyncSync(descriptor);
    } finally {
      fs.closeSync(descriptor);
    }
    fs.renameSync(tempPath, filePath);
  } catch (error) {
    fs.rmSync(tempPath, { force: true });
    throw new ContractError('failed', `Could not save the pinned tool definitions to ${filePath}: ${messageOf(error)}`);
  }
}
