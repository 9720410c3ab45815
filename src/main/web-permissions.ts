/**
 * Which web permissions the window gets: none, except writing to the clipboard from our own page
 * (the Logs view's Copy). No camera, microphone, notifications, geolocation, HID, serial, etc.
 */
import { isRendererUrl, type RendererLocation } from './renderer-location';

const GRANTED_TO_RENDERER: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionGranted(permission: string, requestingUrl: string, location: RendererLocation): boolean {
  return GRANTED_TO_RENDERER.has(permission) && isRendererUrl(requestingUrl, location);
}
