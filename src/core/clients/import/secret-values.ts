/**
 * Which environment values of an imported server are secrets, and which arguments carry a token
 * that cannot be moved. A name counts when one whole `_`-separated word of it is a credential word
 * (GITHUB_TOKEN, API_KEY, but not PATH or PYTHONPATH); a value counts when it has a known token shape
 * (the shapes the log redaction already knows, src/shared/redact.ts).
 */
import { hasTokenShape } from '../../../shared/redact';

const SECRET_WORDS = new Set(['TOKEN', 'KEY', 'SECRET', 'PASSWORD', 'PASSWD', 'PAT']);

export type SecretReason = 'name' | 'shape' | 'url';

export function secretNameWord(name: string): boolean {
  return name
    .toUpperCase()
    .split('_')
    .some((word) => SECRET_WORDS.has(word));
}

/** Why the variable is a secret, or null when it is not. */
export function secretReason(name: string, value: string): SecretReason | null {
  if (secretNameWord(name)) return 'name';
  if (hasTokenShape(value)) return 'shape';
  if (urlHoldsCredential(value)) return 'url';
  return null;
}

/** Enough to recognise a secret, never enough to use it: its first characters only when it is long. */
export function maskedHint(value: string): string {
  const length = `${value.length} characters`;
  return value.length >= 16 ? `${value.slice(0, 4)}… (${length})` : `… (${length})`;
}

/** `--api-key`, `--token=…`: an option whose last word names a credential (`--token-file` names a file). */
function secretOptionName(arg: string): string | undefined {
  const match = /^--?([A-Za-z][A-Za-z0-9_-]*)(?:=|$)/.exec(arg);
  if (!match?.[1]) return undefined;
  const lastWord = match[1].split(/[-_]/).at(-1)?.toUpperCase() ?? '';
  return SECRET_WORDS.has(lastWord) ? match[1] : undefined;
}

/** A URL with a password, or a query parameter named like a credential (`?api_key=…`). */
export function urlHoldsCredential(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.password !== '') return true;
  return [...url.searchParams.keys()].some((name) => secretNameWord(name.replace(/-/g, '_')));
}

/** The 1-based positions of the arguments that carry a token: a token-shaped value, a credential option's value, or a URL with a credential. */
export function argumentsWithTokens(args: readonly string[]): number[] {
  const positions: number[] = [];
  args.forEach((arg, index) => {
    const option = secretOptionName(arg);
    const previousOption = index > 0 ? secretOptionName(args[index - 1] ?? '') : undefined;
    const inlineValue = option !== undefined && arg.includes('=') && arg.slice(arg.indexOf('=') + 1) !== '';
    const followsOption = previousOption !== undefined && !(args[index - 1] ?? '').includes('=') && !arg.startsWith('-');
    if (hasTokenShape(arg) || inlineValue || followsOption || urlHoldsCredential(arg)) positions.push(index + 1);
  });
  return positions;
}

/** True when a URL (of a remote entry) or a header value holds a credential. */
export function textHoldsCredential(text: string): boolean {
  return hasTokenShape(text) || urlHoldsCredential(text);
}
