/**
 * Puts the "start at login" setting into effect on this OS (see login-item.ts for the plan).
 */
import { app } from 'electron';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loginItemPlan, xdgConfigHome } from './login-item';

export async function applyStartAtLogin(enabled: boolean): Promise<void> {
  const plan = loginItemPlan({
    enabled,
    platform: process.platform,
    isPackaged: app.isPackaged,
    execPath: process.execPath,
    appImagePath: process.env.APPIMAGE,
    configHome: xdgConfigHome(process.env, os.homedir()),
  });
  switch (plan.kind) {
    case 'unavailable':
      return;
    case 'login-item':
      app.setLoginItemSettings({ openAtLogin: plan.openAtLogin, args: plan.args });
      return;
    case 'xdg-autostart':
      if (plan.content === undefined) {
        await rm(plan.filePath, { force: true });
      } else {
        await mkdir(path.dirname(plan.filePath), { recursive: true });
        await writeFile(plan.filePath, plan.content, { mode: 0o644 });
      }
      return;
  }
}

/** macOS reports a launch at login itself; elsewhere the login entry passes --hidden. */
export function wasOpenedAtLogin(): boolean {
  if (process.platform !== 'darwin') return false;
  try {
    return app.getLoginItemSettings().wasOpenedAtLogin === true;
  } catch {
    return false;
  }
}
