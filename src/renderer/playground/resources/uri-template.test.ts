import { describe, expect, it } from 'vitest';
import { expandUriTemplate, optionalTemplateVariables, templateVariables } from './uri-template';

describe('templateVariables', () => {
  it('lists each variable once, in order, whatever the operator', () => {
    expect(templateVariables('github://repos/{owner}/{repo}/readme')).toEqual(['owner', 'repo']);
    expect(templateVariables('file:///{+path}{?q,limit}{&q}{#frag}{/seg*}{;x:3}')).toEqual(['path', 'q', 'limit', 'frag', 'seg', 'x']);
    expect(templateVariables('weather://wmo-codes')).toEqual([]);
  });

  it('knows which variables are optional query parameters', () => {
    expect(optionalTemplateVariables('x://{owner}/items{?q,limit}{&page}')).toEqual(['q', 'limit', 'page']);
  });
});

describe('expandUriTemplate', () => {
  it('encodes simple values and skips missing ones', () => {
    expect(expandUriTemplate('github://repos/{owner}/{repo}/readme', { owner: 'octo cat', repo: 'a/b' })).toBe('github://repos/octo%20cat/a%2Fb/readme');
    expect(expandUriTemplate('x://{a}', {})).toBe('x://');
  });

  it('keeps reserved characters for + and #', () => {
    expect(expandUriTemplate('file:///{+path}', { path: 'docs/read me.md' })).toBe('file:///docs/read%20me.md');
    expect(expandUriTemplate('x://a{#section}', { section: 'a/b' })).toBe('x://a#a/b');
  });

  it('expands query, path, label and parameter operators', () => {
    expect(expandUriTemplate('search{?q,limit}', { q: 'rain & sun', limit: '5' })).toBe('search?q=rain%20%26%20sun&limit=5');
    expect(expandUriTemplate('search?a=1{&q}', { q: 'x' })).toBe('search?a=1&q=x');
    expect(expandUriTemplate('x://root{/a,b}', { a: '1', b: '2' })).toBe('x://root/1/2');
    expect(expandUriTemplate('x://host{.ext}', { ext: 'json' })).toBe('x://host.json');
    expect(expandUriTemplate('x://m{;id}', { id: '7' })).toBe('x://m;id=7');
    expect(expandUriTemplate('x://{name:3}', { name: 'abcdef' })).toBe('x://abc');
  });
});
