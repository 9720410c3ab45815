/**
 * Draws every icon the app and its installers use and writes them into the repository:
 *   resources/tray/**   tray icons for each state (see src/main/tray-icons.ts for the names)
 *   resources/icons/    the window icon (Linux)
 *   build/icon.{png,icns,ico}, build/icons/NxN.png   what electron-builder packages
 * Run after changing a drawing: `node --import tsx scripts/generate-icons.ts`, then commit the files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TRAY_STATES } from '../src/main/tray-state';
import { PANEL_THEMES, WINDOW_ICON_FILE, retinaVariant, trayIconFile } from '../src/main/tray-icons';
import { appIconLayers, colourTrayLayers, templateTrayLayers } from './icons/designs';
import { encodeIcns, encodeIco } from './icons/icon-containers';
import { encodePng } from './icons/png-encoder';
import { render } from './icons/raster';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const written: string[] = [];

function write(relativePath: string, data: Buffer): void {
  const target = path.join(root, relativePath);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, data);
  written.push(relativePath);
}

const TRAY_SIZE = 16;
/** The sizes Windows picks from for the notification area at 100% to 300% scaling. */
const WINDOWS_TRAY_SIZES = [16, 20, 24, 32, 40, 48];

for (const state of TRAY_STATES) {
  const template = trayIconFile(state, 'macos', 'light');
  write(path.join('resources', template), encodePng(render(TRAY_SIZE, templateTrayLayers(state))));
  write(path.join('resources', retinaVariant(template)), encodePng(render(TRAY_SIZE * 2, templateTrayLayers(state))));
  for (const theme of PANEL_THEMES) {
    const layers = colourTrayLayers(state, theme);
    const linux = trayIconFile(state, 'linux', theme);
    write(path.join('resources', linux), encodePng(render(TRAY_SIZE, layers)));
    write(path.join('resources', retinaVariant(linux)), encodePng(render(TRAY_SIZE * 2, layers)));
    write(path.join('resources', trayIconFile(state, 'windows', theme)), encodeIco(WINDOWS_TRAY_SIZES.map((size) => render(size, layers))));
  }
}

const appIcon = new Map<number, ReturnType<typeof render>>();
const appIconOfSize = (size: number) => {
  let image = appIcon.get(size);
  if (!image) appIcon.set(size, (image = render(size, appIconLayers())));
  return image;
};

write(path.join('resources', WINDOW_ICON_FILE), encodePng(appIconOfSize(512)));
write('build/icon.png', encodePng(appIconOfSize(1024)));
write('build/icon.icns', encodeIcns(appIconOfSize));
write('build/icon.ico', encodeIco([16, 24, 32, 48, 64, 128, 256].map(appIconOfSize)));
// electron-builder's Linux icon set: a folder of PNGs named by size.
for (const size of [16, 32, 48, 64, 128, 256, 512]) write(`build/icons/${size}x${size}.png`, encodePng(appIconOfSize(size)));

process.stdout.write(`Wrote ${written.length} icon files:\n${written.map((file) => `  ${file}`).join('\n')}\n`);
