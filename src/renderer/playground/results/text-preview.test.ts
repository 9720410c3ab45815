import { describe, expect, it } from 'vitest';
import { downloadNameFor, previewOf } from './text-preview';

describe('previewOf', () => {
  it('keeps a short text whole and cuts a long one at the limit', () => {
    expect(previewOf('short', 10)).toEqual({ shown: 'short', cut: false });
    expect(previewOf('0123456789abc', 10)).toEqual({ shown: '0123456789', cut: true });
  });

  it('never ends the start in half an emoji', () => {
    expect(previewOf(`012345678😀tail`, 10)).toEqual({ shown: '012345678', cut: true });
  });
});

describe('downloadNameFor', () => {
  it('names the file after its source, safely', () => {
    expect(downloadNameFor('take_screenshot')).toBe('take_screenshot-result.txt');
    expect(downloadNameFor('../a b/c')).toBe('a-b-c-result.txt');
    expect(downloadNameFor('///')).toBe('result-result.txt');
  });
});
