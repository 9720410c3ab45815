/**
 * When the window hides instead of closing, and when the app starts without showing it.
 */

export const START_HIDDEN_ARGUMENT = '--hidden';

interface CloseDecision {
  /** Keep the app (and every server) running: hide the window instead of closing it. */
  hideInstead: boolean;
  /** Tell the person, once ever, that the app is still running in the tray. */
  explain: boolean;
}

export function decideWindowClose(state: { quitting: boolean; explainedBefore: boolean }): CloseDecision {
  if (state.quitting) return { hideInstead: false, explain: false };
  return { hideInstead: true, explain: !state.explainedBefore };
}

export const CLOSE_TO_TRAY_NOTICE = {
  title: 'MCP Tray is still running',
  body: 'Your servers keep running in the background. Open MCP Tray or quit it from its icon in the tray.',
} as const;

/** Started at login (Windows and Linux pass the argument; macOS reports it), the app stays in the tray. */
export function shouldStartHidden(argv: readonly string[], openedAtLogin: boolean): boolean {
  return openedAtLogin || argv.includes(START_HIDDEN_ARGUMENT);
}
