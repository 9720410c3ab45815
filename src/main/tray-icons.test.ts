import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { allTrayIconFiles, panelTheme, retinaVariant, trayIconFile, trayIconPlatform, WINDOW_ICON_FILE } from './tray-icons';

const resourcesDir = path.resolve(import.meta.dirname, '../../resources');

/** Reads a PNG's size and checks every chunk's CRC (with zlib's own CRC, not the encoder's) and the pixel data's length. */
function inspectPng(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const typeAndData = bytes.subarray(offset + 4, offset + 8 + length);
    expect(bytes.readUInt32BE(offset + 8 + length)).toBe(crc32(typeAndData));
    const type = typeAndData.subarray(0, 4).toString('latin1');
    const data = typeAndData.subarray(4);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9]]).toEqual([8, 6]);
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  expect(inflateSync(Buffer.concat(idat)).length).toBe((width * 4 + 1) * height);
  return { width, height };
}

/** The sizes listed in an .ico directory, after checking each entry lies inside the file. */
function icoSizes(bytes: Buffer): number[] {
  expect(bytes.readUInt16LE(0)).toBe(0);
  expect(bytes.readUInt16LE(2)).toBe(1);
  const count = bytes.readUInt16LE(4);
  return Array.from({ length: count }, (_, index) => {
    const at = 6 + index * 16;
    const size = bytes.readUInt32LE(at + 8);
    const offset = bytes.readUInt32LE(at + 12);
    expect(offset + size).toBeLessThanOrEqual(bytes.length);
    return bytes[at] === 0 ? 256 : (bytes[at] ?? 0);
  });
}

describe('tray icon files', () => {
  it('exist for every state, platform and panel colour, as valid images of the right size', () => {
    const files = allTrayIconFiles();
    expect(files).toHaveLength(4 * (2 + 2 + 2 * 2));
    for (const file of files) {
      const bytes = readFileSync(path.join(resourcesDir, file));
      if (file.endsWith('.ico')) {
        expect(icoSizes(bytes), file).toEqual([16, 20, 24, 32, 40, 48]);
      } else {
        const expected = file.includes('@2x') ? 32 : 16;
        expect(inspectPng(bytes), file).toEqual({ width: expected, height: expected });
      }
    }
  });

  it('include a window icon for Linux', () => {
    expect(inspectPng(readFileSync(path.join(resourcesDir, WINDOW_ICON_FILE)))).toEqual({ width: 512, height: 512 });
  });
});

describe('trayIconFile', () => {
  it('uses template images on macOS, .ico on Windows and PNG on Linux', () => {
    expect(trayIconFile('failed', trayIconPlatform('darwin'), 'dark')).toBe('tray/macos/tray-failedTemplate.png');
    expect(trayIconFile('healthy', trayIconPlatform('win32'), 'light')).toBe('tray/windows/tray-healthy-on-light.ico');
    expect(trayIconFile('stopped', trayIconPlatform('linux'), 'dark')).toBe('tray/linux/tray-stopped-on-dark.png');
    expect(retinaVariant('tray/linux/tray-stopped-on-dark.png')).toBe('tray/linux/tray-stopped-on-dark@2x.png');
  });

  it('draws for a dark panel on Linux, and follows the system theme elsewhere', () => {
    expect(panelTheme('linux', false)).toBe('dark');
    expect(panelTheme('win32', false)).toBe('light');
    expect(panelTheme('win32', true)).toBe('dark');
  });
});
