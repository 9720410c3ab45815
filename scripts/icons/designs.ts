/**
 * The drawings: one glyph per tray state (in colour and as a macOS template) and the app icon.
 * Shapes, not just colours, tell the states apart, so they read in a monochrome menu bar too:
 * healthy = check, degraded = "!", failed = cross, stopped = ring with a stop square.
 */
import type { PanelTheme } from '../../src/main/tray-icons';
import type { TrayState } from '../../src/main/tray-state';
import { circle, polyline, ring, roundedRect, segment, union, type Colour, type Layer, type Shape } from './raster';

const WHITE: Colour = [255, 255, 255, 1];
const INK: Colour = [31, 35, 40, 1];
const TEMPLATE_BLACK: Colour = [0, 0, 0, 1];

const STATE_COLOURS: Record<Exclude<TrayState, 'stopped'>, Colour> = {
  healthy: [26, 127, 55, 1],
  degraded: [212, 167, 44, 1],
  failed: [207, 34, 46, 1],
};
/** The stopped ring is grey: dark on a light panel, light on a dark one. */
const STOPPED_COLOURS: Record<PanelTheme, Colour> = { light: [87, 96, 106, 1], dark: [208, 215, 222, 1] };

const DISC = circle(0.5, 0.5, 0.44);
const CHECK = polyline(
  [
    [0.29, 0.52],
    [0.44, 0.67],
    [0.72, 0.37],
  ],
  0.13,
);
const CROSS = union(segment([0.35, 0.35], [0.65, 0.65], 0.13), segment([0.65, 0.35], [0.35, 0.65], 0.13));
// The gap between the stroke and the dot stays over one pixel at 16 px.
const BANG = union(segment([0.5, 0.24], [0.5, 0.5], 0.13), circle(0.5, 0.72, 0.075));
const STOP_RING = ring(0.5, 0.5, 0.38, 0.11);
const STOP_SQUARE = roundedRect(0.37, 0.37, 0.63, 0.63, 0.04);
const SMALL_BANG = union(segment([0.5, 0.29], [0.5, 0.49], 0.11), circle(0.5, 0.68, 0.065));

/** A tray glyph in colour, for Windows and Linux panels. */
export function colourTrayLayers(state: TrayState, theme: PanelTheme): Layer[] {
  if (state === 'stopped') {
    const grey = STOPPED_COLOURS[theme];
    return [
      { shape: STOP_RING, paint: grey },
      { shape: STOP_SQUARE, paint: grey },
    ];
  }
  // On a light panel a faint dark edge keeps the amber disc from melting into the background.
  const edge: Layer[] = theme === 'light' ? [{ shape: circle(0.5, 0.5, 0.465), paint: [0, 0, 0, 0.28] }] : [];
  const glyph: Record<Exclude<TrayState, 'stopped'>, { shape: Shape; colour: Colour }> = {
    healthy: { shape: CHECK, colour: WHITE },
    degraded: { shape: BANG, colour: INK },
    failed: { shape: CROSS, colour: WHITE },
  };
  return [...edge, { shape: DISC, paint: STATE_COLOURS[state] }, { shape: glyph[state].shape, paint: glyph[state].colour }];
}

/** A tray glyph as a macOS template image: black and transparency only. */
export function templateTrayLayers(state: TrayState): Layer[] {
  switch (state) {
    case 'healthy':
      return [
        { shape: DISC, paint: TEMPLATE_BLACK },
        { shape: CHECK, paint: 'erase' },
      ];
    case 'failed':
      return [
        { shape: DISC, paint: TEMPLATE_BLACK },
        { shape: CROSS, paint: 'erase' },
      ];
    case 'degraded':
      return [
        { shape: STOP_RING, paint: TEMPLATE_BLACK },
        { shape: SMALL_BANG, paint: TEMPLATE_BLACK },
      ];
    case 'stopped':
      return [
        { shape: STOP_RING, paint: TEMPLATE_BLACK },
        { shape: STOP_SQUARE, paint: TEMPLATE_BLACK },
      ];
  }
}

/**
 * The app icon: a rounded tile with three server units, each with a green light, on a tray.
 * The tile leaves the margin macOS expects around an app icon (about 10% each side).
 */
export function appIconLayers(): Layer[] {
  const tile = roundedRect(0.1, 0.1, 0.9, 0.9, 0.18);
  const units = [0.3, 0.43, 0.56].map((centre) => roundedRect(0.27, centre - 0.05, 0.73, centre + 0.05, 0.03));
  const lights = [0.3, 0.43, 0.56].map((centre) => circle(0.335, centre, 0.022));
  const slots = [0.3, 0.43, 0.56].map((centre) => segment([0.5, centre], [0.66, centre], 0.018));
  const tray = polyline(
    [
      [0.22, 0.66],
      [0.22, 0.74],
      [0.78, 0.74],
      [0.78, 0.66],
    ],
    0.04,
  );
  return [
    { shape: tile, paint: { top: [47, 129, 247, 1], bottom: [90, 50, 163, 1] } },
    { shape: union(...units), paint: [255, 255, 255, 0.96] },
    { shape: union(...slots), paint: [90, 50, 163, 0.35] },
    { shape: union(...lights), paint: [45, 164, 78, 1] },
    { shape: tray, paint: [255, 255, 255, 0.96] },
  ];
}
