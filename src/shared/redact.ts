/** Replaces secret values and well-known token shapes with a marker before text is stored or shown. */
export const REDACTED = '[redacted]';

// GitHub classic/fine-grained/OAuth/app tokens, bearer credentials and Authorization header values.
const TOKEN_SHAPES: ReadonlyArray<[RegExp, string]> = [
  [/\bgh[pousr]_[A-Za-z0-9]{20,}\b/g, REDACTED],
  [/\bgithub_pat_[A-Za-z0-9_]{20,}\b/g, REDACTED],
  [/\b(Bearer)\s+[A-Za-z0-9._~+/=-]{8,}/gi, `$1 ${REDACTED}`],
  [/(authorization["']?\s*[:=]\s*["']?)(?:token|basic|bearer)?\s*[^\s"',}]{8,}/gi, `$1${REDACTED}`],
];

// What every shape above needs somewhere in the text (keep the two in step): one scan, and the
// text that has none of them (nearly every log line) skips the replacements.
const TOKEN_HINT = /gh[pousr]_|github_pat_|bearer|authorization/i;

/** True when the text holds a credential in one of the well-known token shapes above. */
export function hasTokenShape(text: string): boolean {
  // search() ignores the shapes' global flag and lastIndex, so the shared patterns stay stateless here.
  return TOKEN_HINT.test(text) && TOKEN_SHAPES.some(([shape]) => text.search(shape) !== -1);
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface Redactor {
  (text: string): string;
}

/** Builds a redactor for the given secret values (short values are ignored: they would blank out ordinary words). */
export function createRedactor(secretValues: Iterable<string> = []): Redactor {
  const literals = [...new Set([...secretValues].filter((value) => value.length >= 4))]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  const literalPattern = literals.length > 0 ? new RegExp(literals.join('|'), 'g') : undefined;
  return (text: string) => {
    let result = literalPattern ? text.replace(literalPattern, REDACTED) : text;
    if (!TOKEN_HINT.test(result)) return result;
    for (const [shape, replacement] of TOKEN_SHAPES) result = result.replace(shape, replacement);
    return result;
  };
}
