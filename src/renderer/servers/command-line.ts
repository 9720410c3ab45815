/**
 * Arguments typed as one line, the way a README shows them ("-y @scope/server --port 3000").
 * Quotes group words and backslashes escape, like a POSIX shell without expansion: nothing is
 * ever run through a shell, so what you see is exactly the argv the server gets.
 */

type SplitResult = { ok: true; args: string[] } | { ok: false; error: string };

export function splitCommandLine(text: string): SplitResult {
  const args: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] as string;
    if (quote === "'") {
      if (char === "'") quote = null;
      else current += char;
      continue;
    }
    if (char === '\\') {
      const next = text[index + 1];
      if (next === undefined) return { ok: false, error: 'The arguments end with a lone backslash.' };
      // Inside double quotes a backslash only escapes what would otherwise be special there.
      if (quote === '"' && next !== '"' && next !== '\\') current += char;
      current += next;
      index += 1;
      inWord = true;
      continue;
    }
    if (quote === '"') {
      if (char === '"') quote = null;
      else current += char;
      continue;
    }
    if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
      continue;
    }
    if (/\s/.test(char)) {
      if (inWord) args.push(current);
      current = '';
      inWord = false;
      continue;
    }
    current += char;
    inWord = true;
  }
  if (quote) return { ok: false, error: `A ${quote === '"' ? 'double' : 'single'} quote is not closed.` };
  if (inWord) args.push(current);
  return { ok: true, args };
}

/** The inverse of splitCommandLine: quotes only the arguments that need it. */
export function joinCommandLine(args: readonly string[]): string {
  return args
    .map((arg) => {
      if (arg === '') return "''";
      if (!/[\s"'\\]/.test(arg)) return arg;
      if (!arg.includes("'")) return `'${arg}'`;
      return `"${arg.replace(/["\\]/g, (match) => `\\${match}`)}"`;
    })
    .join(' ');
}
