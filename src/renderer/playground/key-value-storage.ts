/**
 * Where the playground keeps inputs and history between sessions. localStorage in the app; a Map
 * in unit tests, and as the fallback when the browser refuses storage (private mode, quota, policy).
 */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  /** May throw (e.g. QuotaExceededError); callers decide what to drop. */
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export class MemoryStorage implements KeyValueStorage {
  private readonly items = new Map<string, string>();

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }
}

/** localStorage when the page may use it, else memory: losing persistence beats breaking the playground. */
export function browserStorage(): KeyValueStorage {
  try {
    const storage = globalThis.localStorage;
    const probe = '__mcp-tray-probe__';
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return storage;
  } catch {
    return new MemoryStorage();
  }
}
