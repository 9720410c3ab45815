import { describe, expect, it } from 'vitest';
import { AppSettingsSchema } from '../../shared/contract';
import { NUMERIC_SETTINGS, parseSettingsText, textOf } from './settings-form-model';

const defaults = AppSettingsSchema.parse({});

describe('settings form', () => {
  it('takes its bounds from the contract, in the units it shows', () => {
    const health = NUMERIC_SETTINGS.find((setting) => setting.key === 'healthIntervalMs');
    expect(health).toMatchObject({ unit: 'seconds', min: 1, max: 3600 });
    expect(NUMERIC_SETTINGS.find((setting) => setting.key === 'logBufferSize')).toMatchObject({ min: 100, max: 1_000_000 });
  });

  it('shows milliseconds as seconds and converts back, sending only what changed', () => {
    const text = textOf(defaults);
    expect(text.healthIntervalMs).toBe('15');
    expect(parseSettingsText(text, defaults)).toEqual({ ok: true, patch: {} });
    expect(parseSettingsText({ ...text, pingTimeoutMs: '2.5', logBufferSize: '10000' }, defaults)).toEqual({ ok: true, patch: { pingTimeoutMs: 2500, logBufferSize: 10_000 } });
  });

  it('explains out-of-range and non-numeric values in the units shown', () => {
    const result = parseSettingsText({ ...textOf(defaults), healthIntervalMs: '0.5', callTimeoutMs: 'soon', logBufferSize: '100.5' }, defaults);
    expect(result).toEqual({
      ok: false,
      errors: { healthIntervalMs: 'Between 1 and 3,600 seconds.', callTimeoutMs: 'Enter a number of seconds.', logBufferSize: 'Enter a whole number of lines.' },
    });
  });

  it('edits the largest message in whole MB, within the contract\'s bounds', () => {
    expect(NUMERIC_SETTINGS.find((setting) => setting.key === 'maxMessageMb')).toMatchObject({ unit: 'megabytes', min: 1, max: 256, step: 1 });
    const text = textOf(defaults);
    expect(text.maxMessageMb).toBe('64');
    expect(parseSettingsText({ ...text, maxMessageMb: '128' }, defaults)).toEqual({ ok: true, patch: { maxMessageMb: 128 } });
    expect(parseSettingsText({ ...text, maxMessageMb: '1.5' }, defaults)).toEqual({ ok: false, errors: { maxMessageMb: 'Enter a whole number of MB.' } });
    expect(parseSettingsText({ ...text, maxMessageMb: '512' }, defaults)).toEqual({ ok: false, errors: { maxMessageMb: 'Between 1 and 256 MB.' } });
  });
});
