import { describe, expect, it } from 'vitest';
import { envPatch, rowsFromEnv } from './env-rows';

describe('envPatch', () => {
  const original = { WEATHER_API_URL: 'https://api.open-meteo.com', KEEP: '1' };

  it('sends only what changed, with null for removed names', () => {
    const rows = [
      { key: 1, name: 'WEATHER_API_URL', value: 'http://127.0.0.1:9999' },
      { key: 2, name: 'NEW_ONE', value: 'x' },
      { key: 3, name: '', value: '' },
    ];
    expect(envPatch(original, rows, [])).toEqual({ ok: true, changed: true, patch: { KEEP: null, WEATHER_API_URL: 'http://127.0.0.1:9999', NEW_ONE: 'x' } });
  });

  it('reports nothing changed for the untouched rows', () => {
    expect(envPatch(original, rowsFromEnv(original), [])).toEqual({ ok: true, changed: false, patch: {} });
  });

  it('flags bad, duplicate, unnamed and secret names on their rows', () => {
    const rows = [
      { key: 1, name: '1BAD', value: 'x' },
      { key: 2, name: 'A', value: '1' },
      { key: 3, name: 'A', value: '2' },
      { key: 4, name: '', value: 'orphan' },
      { key: 5, name: 'GITHUB_TOKEN', value: 'ghp_x' },
    ];
    const result = envPatch({}, rows, ['GITHUB_TOKEN']);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.rowErrors).map(Number)).toEqual([1, 3, 4, 5]);
    expect(result.rowErrors[5]).toMatch(/secret/);
  });
});
