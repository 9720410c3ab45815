/**
 * The layout of an existing config file (indent unit, line ending) so that what we add looks like
 * the rest of the file: a file indented with tabs gets tabs, one with four spaces gets four.
 */
export interface TextLayout {
  /** One level of indentation, e.g. "  ", "    " or "\t". */
  indent: string;
  eol: '\n' | '\r\n';
}

export const DEFAULT_LAYOUT: TextLayout = { indent: '  ', eol: '\n' };

/** Looks at the indented lines; continuation lines of block comments (" * ...") do not count. */
export function detectLayout(text: string): TextLayout {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let smallest: number | undefined;
  for (const line of text.split(/\r?\n/).slice(0, 500)) {
    const leading = /^([ \t]+)[^\s*]/.exec(line)?.[1];
    if (leading === undefined) continue;
    if (leading.startsWith('\t')) return { indent: '\t', eol };
    smallest = Math.min(smallest ?? leading.length, leading.length);
  }
  return { indent: smallest === undefined ? DEFAULT_LAYOUT.indent : ' '.repeat(smallest), eol };
}
