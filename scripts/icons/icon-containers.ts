/**
 * The two multi-size icon containers the packagers want: Windows .ico (BMP entries for small
 * sizes, which every Windows tool reads, PNG for 256 px) and macOS .icns (PNG entries).
 */
import { encodePng, type RgbaImage } from './png-encoder';

/** One 32-bit BGRA device-independent bitmap as .ico stores it: bottom-up rows, height doubled for the mask. */
function icoBitmap(image: RgbaImage): Buffer {
  const { width, height, pixels } = image;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(width, 4);
  header.writeInt32LE(height * 2, 8);
  header.writeUInt16LE(1, 12); // planes
  header.writeUInt16LE(32, 14); // bits per pixel
  const colour = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    const sourceRow = (height - 1 - y) * width * 4;
    for (let x = 0; x < width; x += 1) {
      const from = sourceRow + x * 4;
      const to = (y * width + x) * 4;
      colour[to] = pixels[from + 2] ?? 0;
      colour[to + 1] = pixels[from + 1] ?? 0;
      colour[to + 2] = pixels[from] ?? 0;
      colour[to + 3] = pixels[from + 3] ?? 0;
    }
  }
  // The 1-bit AND mask is ignored when the bitmap has alpha, but must be present: rows padded to 4 bytes.
  const maskRowBytes = Math.ceil(width / 32) * 4;
  return Buffer.concat([header, colour, Buffer.alloc(maskRowBytes * height)]);
}

export function encodeIco(images: readonly RgbaImage[]): Buffer {
  const entries = images.map((image) => ({ image, data: image.width >= 256 ? encodePng(image) : icoBitmap(image) }));
  const directory = Buffer.alloc(6 + 16 * entries.length);
  directory.writeUInt16LE(0, 0);
  directory.writeUInt16LE(1, 2); // type: icon
  directory.writeUInt16LE(entries.length, 4);
  let offset = directory.length;
  entries.forEach(({ image, data }, index) => {
    const at = 6 + index * 16;
    directory[at] = image.width >= 256 ? 0 : image.width; // 0 means 256
    directory[at + 1] = image.height >= 256 ? 0 : image.height;
    directory.writeUInt16LE(1, at + 4); // colour planes
    directory.writeUInt16LE(32, at + 6); // bits per pixel
    directory.writeUInt32LE(data.length, at + 8);
    directory.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([directory, ...entries.map((entry) => entry.data)]);
}

/** icns element types that hold PNG data, by pixel size (the @2x types share sizes with 1x ones). */
export const ICNS_TYPES: ReadonlyArray<{ type: string; size: number }> = [
  { type: 'icp4', size: 16 },
  { type: 'ic11', size: 32 },
  { type: 'icp5', size: 32 },
  { type: 'ic12', size: 64 },
  { type: 'ic07', size: 128 },
  { type: 'ic13', size: 256 },
  { type: 'ic08', size: 256 },
  { type: 'ic14', size: 512 },
  { type: 'ic09', size: 512 },
  { type: 'ic10', size: 1024 },
];

export function encodeIcns(imageOfSize: (size: number) => RgbaImage): Buffer {
  const elements = ICNS_TYPES.map(({ type, size }) => {
    const png = encodePng(imageOfSize(size));
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(elements);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}
