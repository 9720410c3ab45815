/**
 * Tells the person something outside the window: a system notification where the desktop has
 * them, else a message box (so nothing important is lost on a desktop without a notification daemon).
 */
import { dialog, Notification } from 'electron';
import type { Notice } from './registration-notice';

export function notify(notice: Notice, iconPath?: string): void {
  if (Notification.isSupported()) {
    new Notification({ title: notice.title, body: notice.body, silent: notice.level === 'info', ...(iconPath ? { icon: iconPath } : {}) }).show();
    return;
  }
  void dialog.showMessageBox({ type: notice.level === 'error' ? 'error' : notice.level === 'warning' ? 'warning' : 'info', title: 'MCP Tray', message: notice.title, detail: notice.body });
}
