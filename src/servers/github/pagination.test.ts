import { describe, expect, it } from 'vitest';
import { describePage, linkHasNext, pageInfo } from './pagination';

describe('GitHub pagination', () => {
  it('finds rel="next" in GitHub Link headers', () => {
    const middle =
      '<https://api.github.com/repositories/1/issues?page=1>; rel="prev", <https://api.github.com/repositories/1/issues?page=3>; rel="next", ' +
      '<https://api.github.com/repositories/1/issues?page=5>; rel="last", <https://api.github.com/repositories/1/issues?page=1>; rel="first"';
    expect(linkHasNext(middle)).toBe(true);
    expect(linkHasNext('<https://api.github.com/x?page=1>; rel="prev", <https://api.github.com/x?page=1>; rel="first"')).toBe(false);
    expect(linkHasNext(undefined)).toBe(false);
    expect(linkHasNext('')).toBe(false);
  });

  it('reads relation lists and unquoted rel, and is not fooled by "next" inside a URL', () => {
    expect(linkHasNext('<https://x/?page=2>; rel="next last"')).toBe(true);
    expect(linkHasNext('<https://x/?page=2>; rel=next')).toBe(true);
    expect(linkHasNext('<https://x/next?rel="next">; rel="last"')).toBe(false);
  });

  it('describes where the caller is and how to go on', () => {
    expect(describePage(pageInfo(2, 30, { link: '<https://x/?page=3>; rel="next"' }))).toBe('Page 2; there is a next page (call again with page 3).');
    expect(describePage(pageInfo(1, 30, {}))).toBe('Page 1; this is the last page.');
  });
});
