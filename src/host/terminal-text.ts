/**
 * Text from foreign servers, made safe to print on a person's terminal. A server's tool result or
 * log line may hold escape sequences (OSC title changes, colours, cursor moves), a BEL, a carriage
 * return that hides what came before it, or bidirectional overrides that reorder what is shown
 * (the "Trojan Source" characters). Each is shown as a visible stand-in instead of acting.
 *
 * Neutralised: C0 controls but tab and newline (a CRLF becomes a newline), DEL, C1 controls, the
 * bidi embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069, and the invisible
 * direction marks U+200E, U+200F and U+061C (they reorder nothing alone, but hide in text and
 * there is no reason for a terminal to act on them here).
 */
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_PICTURES_START = 0x2400;
const SYMBOL_FOR_DELETE = '\u2421';

function standIn(char: string): string {
  const code = char.charCodeAt(0);
  // C0 controls have their own visible symbols (ESC shows as ␛, BEL as ␇, CR as ␍).
  if (code < 0x20) return String.fromCharCode(CONTROL_PICTURES_START + code);
  if (code === 0x7f) return SYMBOL_FOR_DELETE;
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

export function neutralizeControls(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(UNSAFE, standIn);
}
