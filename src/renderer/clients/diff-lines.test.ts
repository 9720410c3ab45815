import { describe, expect, it } from 'vitest';
import { classifyDiff, diffStats } from './diff-lines';

describe('classifyDiff', () => {
  it('tells headers, hunks, additions, removals and context apart', () => {
    const diff = ['--- claude_desktop_config.json', '+++ claude_desktop_config.json', '@@ -1,3 +1,6 @@', ' {', '-  "a": 1', '+  "a": 2', '+  "b": 3', ''].join('\n');
    const lines = classifyDiff(diff);
    expect(lines.map((line) => line.kind)).toEqual(['header', 'header', 'hunk', 'context', 'remove', 'add', 'add']);
    expect(diffStats(lines)).toEqual({ added: 2, removed: 1 });
  });

  it('is empty for an empty diff', () => {
    expect(classifyDiff('')).toEqual([]);
  });
});
