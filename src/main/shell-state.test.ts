import { describe, expect, it } from 'vitest';
import { ShellState, type ShellStateBackend } from './shell-state';

class MemoryBackend implements ShellStateBackend {
  writes = 0;
  constructor(private value: Record<string, unknown> = {}) {}
  get store(): Record<string, unknown> {
    return structuredClone(this.value);
  }
  set store(next: Record<string, unknown>) {
    this.writes += 1;
    this.value = structuredClone(next);
  }
}

describe('ShellState', () => {
  it('starts with nothing explained and remembers the close-to-tray hint once shown', () => {
    const backend = new MemoryBackend();
    const state = new ShellState(backend);
    expect(state.closeToTrayExplained).toBe(false);
    state.markCloseToTrayExplained();
    expect(state.closeToTrayExplained).toBe(true);
    expect(new ShellState(backend).closeToTrayExplained).toBe(true);
  });

  it('treats a hand-edited value of the wrong type as not yet explained', () => {
    expect(new ShellState(new MemoryBackend({ closeToTrayExplained: 'yes' })).closeToTrayExplained).toBe(false);
  });

  it('carries on when the file cannot be written', () => {
    const state = new ShellState({
      get store() {
        return {};
      },
      set store(_value: Record<string, unknown>) {
        throw new Error('read-only file system');
      },
    });
    expect(() => state.markCloseToTrayExplained()).not.toThrow();
    expect(state.closeToTrayExplained).toBe(true);
  });
});
