/**
 * `<data folder>/registry-cache.json`: every registry entry MCP Tray has seen, by name, with when it
 * was fetched, so search and show still answer (saying how old the answer is) when the registry
 * cannot be reached. Written atomically; a file that cannot be used is moved aside and started afresh.
 */
import { readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { messageOf } from '../../shared/error-message';
import { tempPathFor, writeTempFile } from '../clients/config-temp-files';
import { moveCorruptFileAside } from '../corrupt-file';
import { ServerResponseSchema, type ServerResponse } from './server-json';

export const REGISTRY_CACHE_FILE_NAME = 'registry-cache.json';
/** Enough for every server a person browses; the oldest go first beyond it. */
const MAX_CACHED_ENTRIES = 5_000;

const CachedEntrySchema = z.object({ fetchedAt: z.string(), entry: ServerResponseSchema });
type CachedEntry = z.infer<typeof CachedEntrySchema>;

const CacheFileSchema = z.object({
  version: z.literal(1),
  /** The registry the entries came from: a cache of another registry is not used. */
  registryUrl: z.string(),
  entries: z.record(z.string(), CachedEntrySchema),
});

export interface CachedAnswer {
  entries: ServerResponse[];
  /** When the oldest of them was fetched; null when none matched. */
  fetchedAt: string | null;
}

export class RegistryCache {
  private entries: Map<string, CachedEntry> | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly filePath: string,
    private readonly registryUrl: string,
    private readonly onWarning: (message: string) => void,
  ) {}

  static inDataDir(dataDir: string, registryUrl: string, onWarning: (message: string) => void): RegistryCache {
    return new RegistryCache(path.join(dataDir, REGISTRY_CACHE_FILE_NAME), registryUrl, onWarning);
  }

  /** Entries whose name contains the text (as the registry's own search matches), newest names first. */
  async search(text: string): Promise<CachedAnswer> {
    const needle = text.toLowerCase();
    const matches = [...(await this.load()).values()].filter((cached) => cached.entry.server.name.toLowerCase().includes(needle));
    matches.sort((a, b) => a.entry.server.name.localeCompare(b.entry.server.name));
    return answerOf(matches);
  }

  async get(name: string, version?: string): Promise<CachedAnswer> {
    const cached = (await this.load()).get(name);
    if (!cached || (version !== undefined && version !== 'latest' && cached.entry.server.version !== version)) return { entries: [], fetchedAt: null };
    return answerOf([cached]);
  }

  /** Records entries just fetched (latest versions only: an older version asked for by name is not what search should show). */
  remember(entries: readonly ServerResponse[], fetchedAt = new Date()): Promise<void> {
    const task = this.writing.then(async () => {
      const map = await this.load();
      for (const entry of entries) {
        map.delete(entry.server.name);
        map.set(entry.server.name, { fetchedAt: fetchedAt.toISOString(), entry });
      }
      for (const name of map.keys()) {
        if (map.size <= MAX_CACHED_ENTRIES) break;
        map.delete(name);
      }
      await this.save(map);
    });
    // A cache that cannot be written costs only offline answers: the live answer still stands.
    this.writing = task.catch((error: unknown) => this.onWarning(`The registry cache ${this.filePath} could not be written: ${messageOf(error)}`));
    return this.writing;
  }

  private async load(): Promise<Map<string, CachedEntry>> {
    if (this.entries) return this.entries;
    this.entries = new Map();
    let text: string;
    try {
      text = await readFile(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.onWarning(`The registry cache ${this.filePath} could not be read: ${messageOf(error)}`);
      return this.entries;
    }
    const parsed = CacheFileSchema.safeParse(parseJson(text));
    if (!parsed.success) {
      try {
        const aside = moveCorruptFileAside(this.filePath, 'The registry cache');
        this.onWarning(`The registry cache was unreadable and was moved to ${aside}; it fills again with the next searches.`);
      } catch (error) {
        this.onWarning(messageOf(error));
      }
      return this.entries;
    }
    if (parsed.data.registryUrl !== this.registryUrl) return this.entries;
    const byAge = Object.entries(parsed.data.entries).sort(([, a], [, b]) => a.fetchedAt.localeCompare(b.fetchedAt));
    for (const [name, cached] of byAge) this.entries.set(name, cached);
    return this.entries;
  }

  private async save(map: Map<string, CachedEntry>): Promise<void> {
    const text = `${JSON.stringify({ version: 1, registryUrl: this.registryUrl, entries: Object.fromEntries(map) })}\n`;
    const tempPath = tempPathFor(this.filePath);
    try {
      await writeTempFile(tempPath, text);
      await rename(tempPath, this.filePath);
    } catch (error) {
      await rm(tempPath, { force: true });
      throw error;
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function answerOf(matches: readonly CachedEntry[]): CachedAnswer {
  const oldest = matches.reduce<string | null>((found, cached) => (found === null || cached.fetchedAt < found ? cached.fetchedAt : found), null);
  return { entries: matches.map((cached) => cached.entry), fetchedAt: oldest };
}
