/** How each line of a unified diff is drawn. */
type DiffLineKind = 'add' | 'remove' | 'hunk' | 'header' | 'context';

interface DiffLine {
  kind: DiffLineKind;
  text: string;
}

export function classifyDiff(diff: string): DiffLine[] {
  if (diff === '') return [];
  const lines = diff.replace(/\n$/, '').split('\n');
  return lines.map((text) => {
    // File headers first: "--- a/file" would otherwise read as a removed line.
    if (text.startsWith('+++ ') || text.startsWith('--- ') || text.startsWith('diff ') || text.startsWith('Index: ') || /^={10,}$/.test(text)) {
      return { kind: 'header', text };
    }
    if (text.startsWith('@@')) return { kind: 'hunk', text };
    if (text.startsWith('+')) return { kind: 'add', text };
    if (text.startsWith('-')) return { kind: 'remove', text };
    return { kind: 'context', text };
  });
}

export function diffStats(lines: readonly DiffLine[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const line of lines) {
    if (line.kind === 'add') added += 1;
    else if (line.kind === 'remove') removed += 1;
  }
  return { added, removed };
}
