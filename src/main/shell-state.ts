/**
 * What the desktop shell remembers for itself, apart from the app settings of the contract: for
 * now, that the person has been told the window hides to the tray. Kept in its own small file
 * (`shell-state.json` in the data folder, written by electron-store) so the shared settings file
 * stays exactly what the CLI and the core know.
 */
import { z } from 'zod';

const ShellStateSchema = z.object({
  closeToTrayExplained: z.boolean().catch(false),
});
type ShellStateValues = z.output<typeof ShellStateSchema>;

/** The part of electron-store (or conf) this needs: reading and atomically writing the whole store. */
export interface ShellStateBackend {
  store: Record<string, unknown>;
}

export const SHELL_STATE_FILE_NAME = 'shell-state';

export class ShellState {
  private values: ShellStateValues;

  constructor(private readonly backend: ShellStateBackend) {
    // A hand-edited or older file never stops the app: anything unreadable falls back to the default.
    const parsed = ShellStateSchema.safeParse(backend.store);
    this.values = parsed.success ? parsed.data : ShellStateSchema.parse({});
  }

  get closeToTrayExplained(): boolean {
    return this.values.closeToTrayExplained;
  }

  markCloseToTrayExplained(): void {
    this.values = { ...this.values, closeToTrayExplained: true };
    try {
      this.backend.store = { ...this.values };
    } catch {
      // Failing to remember only means the hint may show once more.
    }
  }
}
