/** The roots editor's text, one folder per line, as the list servers.setRoots takes (blank lines dropped). */
export function rootsFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function textFromRoots(roots: readonly string[]): string {
  return roots.join('\n');
}
