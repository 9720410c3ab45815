import { describe, expect, it } from 'vitest';
import { base64ByteLength, dataUrl, isAudioMimeType, isImageMimeType, isJsonMimeType, isRunShortcut, isWebUrl } from './content-format';
import { fromLocalDateTimeInput, toLocalDateTimeInput } from '../schema-form/date-time-input';

describe('content facts', () => {
  it('measures base64 without decoding it', () => {
    expect(base64ByteLength(btoa('hello'))).toBe(5);
    expect(base64ByteLength(btoa('hell'))).toBe(4);
    expect(base64ByteLength(btoa('hel'))).toBe(3);
    expect(base64ByteLength('')).toBe(0);
  });

  it('recognises JSON, image and audio types', () => {
    expect(['application/json', 'application/geo+json', 'text/json', 'text/plain'].map(isJsonMimeType)).toEqual([true, true, true, false]);
    expect(['image/png', 'image/svg+xml', undefined].map(isImageMimeType)).toEqual([true, false, false]);
    expect(isAudioMimeType('audio/wav')).toBe(true);
    expect(dataUrl('image/png', 'AAAA')).toBe('data:image/png;base64,AAAA');
  });

  it('follows only web links', () => {
    expect(isWebUrl('https://open-meteo.com')).toBe(true);
    expect(isWebUrl('file:///etc/passwd')).toBe(false);
    expect(isWebUrl('weather://wmo-codes')).toBe(false);
  });

  it('runs on Ctrl+Enter and Cmd+Enter only', () => {
    const key = { key: 'Enter', ctrlKey: false, metaKey: false, altKey: false };
    expect(isRunShortcut({ ...key, ctrlKey: true })).toBe(true);
    expect(isRunShortcut({ ...key, metaKey: true })).toBe(true);
    expect(isRunShortcut(key)).toBe(false);
    expect(isRunShortcut({ ...key, ctrlKey: true, altKey: true })).toBe(false);
  });
});

describe('date-time inputs', () => {
  it('converts between an instant and the local input value', () => {
    const local = toLocalDateTimeInput('2024-05-01T12:00:00Z');
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(fromLocalDateTimeInput(local)).toBe('2024-05-01T12:00:00Z');
    expect(fromLocalDateTimeInput('2024-05-01')).toBeUndefined();
    expect(toLocalDateTimeInput('not a date')).toBe('');
  });
});
