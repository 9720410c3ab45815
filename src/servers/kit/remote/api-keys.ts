import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** A key's name becomes a log field and a metric label, so it stays short and plain. */
const KEY_NAME = /^[A-Za-z0-9._-]{1,64}$/;
const MIN_KEY_LENGTH = 16;

interface StoredKey {
  name: string;
  digest: Buffer;
}

export interface ApiKeySources {
  /** `name:key,name:key`, as in MCP_AUTH_TOKENS. */
  inline?: string;
  /** A file with one `name:key` per line, as in MCP_AUTH_TOKENS_FILE; blank lines and `#` comments are skipped. */
  file?: string;
}

/**
 * The named API keys a server accepts. Several keys may be valid at once (even under one name), so a
 * key rotates by adding the new one, moving callers over, then removing the old one.
 * Errors name the variable and the entry's position, never the key.
 */
export class ApiKeyRing {
  private keys: StoredKey[];

  constructor(private readonly sources: ApiKeySources) {
    this.keys = loadKeys(sources);
  }

  get size(): number {
    return this.keys.length;
  }

  /** Re-reads the key file; on a bad file the keys in use stay and the error says why. */
  reload(): void {
    this.keys = loadKeys(this.sources);
  }

  /** The name of the key that matches, or undefined. Every stored key is compared, in constant time. */
  identify(presented: string): string | undefined {
    const digest = sha256(presented);
    let match: string | undefined;
    for (const key of this.keys) {
      // Hashing first gives equal lengths, so timingSafeEqual never leaks a key's length.
      if (timingSafeEqual(key.digest, digest) && match === undefined) match = key.name;
    }
    return match;
  }
}

function loadKeys(sources: ApiKeySources): StoredKey[] {
  const keys: StoredKey[] = [];
  if (sources.inline?.trim()) {
    sources.inline.split(',').forEach((entry, index) => keys.push(parseEntry(entry, `MCP_AUTH_TOKENS entry ${index + 1}`)));
  }
  if (sources.file) {
    let text: string;
    try {
      text = readFileSync(sources.file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      throw new Error(`MCP_AUTH_TOKENS_FILE ${sources.file} cannot be read (${code}). Check the path and that this user may read it.`);
    }
    text.split(/\r?\n/).forEach((line, index) => {
      const trimmed = line.trim();
      if (trimmed === '' || trimmed.startsWith('#')) return;
      keys.push(parseEntry(trimmed, `MCP_AUTH_TOKENS_FILE line ${index + 1}`));
    });
  }
  const seen = new Map<string, string>();
  for (const key of keys) {
    const hex = key.digest.toString('hex');
    const owner = seen.get(hex);
    if (owner !== undefined && owner !== key.name) {
      throw new Error(`The same API key is given to both "${owner}" and "${key.name}". Give each caller a key of its own.`);
    }
    seen.set(hex, key.name);
  }
  return keys;
}

function parseEntry(entry: string, where: string): StoredKey {
  const separator = entry.indexOf(':');
  const name = entry.slice(0, separator).trim();
  const key = entry.slice(separator + 1).trim();
  if (separator < 0 || !KEY_NAME.test(name)) {
    throw new Error(`${where} must be name:key, with a name of letters, digits, ".", "_" or "-" (at most 64).`);
  }
  if (key.length < MIN_KEY_LENGTH || /\s/.test(key)) {
    // The name is left out: an entry written key:name the wrong way round would print the key.
    throw new Error(`${where} needs a key of at least ${MIN_KEY_LENGTH} characters without spaces, e.g. from \`openssl rand -hex 32\`.`);
  }
  return { name, digest: sha256(key) };
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
