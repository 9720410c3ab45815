/**
 * Draws icons from shapes described by signed distance functions (negative inside, in design
 * units where the canvas is 1 x 1). Anti-aliasing comes from the distance at each pixel centre,
 * so the same drawing is crisp at 16 px and at 1024 px.
 */
import type { RgbaImage } from './png-encoder';

export type Shape = (x: number, y: number) => number;
export type Point = readonly [number, number];
/** Red, green, blue 0-255 and alpha 0-1. */
export type Colour = readonly [number, number, number, number];

export type Paint = Colour | { top: Colour; bottom: Colour };
export interface Layer {
  shape: Shape;
  /** 'erase' cuts the shape out of what is below (for monochrome template images). */
  paint: Paint | 'erase';
}

export const circle =
  (cx: number, cy: number, radius: number): Shape =>
  (x, y) =>
    Math.hypot(x - cx, y - cy) - radius;

export const ring =
  (cx: number, cy: number, radius: number, width: number): Shape =>
  (x, y) =>
    Math.abs(Math.hypot(x - cx, y - cy) - radius) - width / 2;

/** A stroke with round ends from a to b. */
export function segment(a: Point, b: Point, width: number): Shape {
  const [ax, ay] = a;
  const [bx, by] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  return (x, y) => {
    const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / lengthSquared));
    return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) - width / 2;
  };
}

export function polyline(points: readonly Point[], width: number): Shape {
  const parts: Shape[] = [];
  for (let index = 1; index < points.length; index += 1) {
    const from = points[index - 1];
    const to = points[index];
    if (from && to) parts.push(segment(from, to, width));
  }
  return union(...parts);
}

export function roundedRect(left: number, top: number, right: number, bottom: number, radius: number): Shape {
  const cx = (left + right) / 2;
  const cy = (top + bottom) / 2;
  const halfWidth = (right - left) / 2 - radius;
  const halfHeight = (bottom - top) / 2 - radius;
  return (x, y) => {
    const qx = Math.abs(x - cx) - halfWidth;
    const qy = Math.abs(y - cy) - halfHeight;
    const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
    return outside + Math.min(Math.max(qx, qy), 0) - radius;
  };
}

export function union(...shapes: Shape[]): Shape {
  return (x, y) => shapes.reduce((nearest, shape) => Math.min(nearest, shape(x, y)), Number.POSITIVE_INFINITY);
}

function colourAt(paint: Paint, y: number): Colour {
  if (!('top' in paint)) return paint;
  const t = Math.max(0, Math.min(1, y));
  const mix = (index: 0 | 1 | 2 | 3) => paint.top[index] + (paint.bottom[index] - paint.top[index]) * t;
  return [mix(0), mix(1), mix(2), mix(3)];
}

export function render(size: number, layers: readonly Layer[]): RgbaImage {
  // Straight-alpha float canvas; composited with "source over" (or "destination out" for erase).
  const canvas = new Float64Array(size * size * 4);
  const pixelSize = 1 / size;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const x = (px + 0.5) * pixelSize;
      const y = (py + 0.5) * pixelSize;
      const at = (py * size + px) * 4;
      for (const layer of layers) {
        const coverage = Math.max(0, Math.min(1, 0.5 - layer.shape(x, y) / pixelSize));
        if (coverage === 0) continue;
        const destinationAlpha = canvas[at + 3] ?? 0;
        if (layer.paint === 'erase') {
          canvas[at + 3] = destinationAlpha * (1 - coverage);
          continue;
        }
        const [r, g, b, a] = colourAt(layer.paint, y);
        const sourceAlpha = a * coverage;
        const outAlpha = sourceAlpha + destinationAlpha * (1 - sourceAlpha);
        if (outAlpha > 0) {
          const blend = (source: number, destination: number) =>
            (source * sourceAlpha + destination * destinationAlpha * (1 - sourceAlpha)) / outAlpha;
          canvas[at] = blend(r, canvas[at] ?? 0);
          canvas[at + 1] = blend(g, canvas[at + 1] ?? 0);
          canvas[at + 2] = blend(b, canvas[at + 2] ?? 0);
        }
        canvas[at + 3] = outAlpha;
      }
    }
  }
  const pixels = new Uint8Array(size * size * 4);
  for (let index = 0; index < canvas.length; index += 4) {
    pixels[index] = Math.round(canvas[index] ?? 0);
    pixels[index + 1] = Math.round(canvas[index + 1] ?? 0);
    pixels[index + 2] = Math.round(canvas[index + 2] ?? 0);
    pixels[index + 3] = Math.round((canvas[index + 3] ?? 0) * 255);
  }
  return { width: size, height: size, pixels };
}
