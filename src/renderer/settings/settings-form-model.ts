import { z } from 'zod';
import { AppSettingsSchema, type AppSettings } from '../../shared/contract';

/** The numeric settings the page edits; startAtLogin is a toggle handled on its own. */
export type NumericSettingKey = 'healthIntervalMs' | 'pingTimeoutMs' | 'callTimeoutMs' | 'logBufferSize' | 'maxMessageMb' | 'messageBufferMb' | 'serverRequestTimeoutMs';

interface NumericSettingSpec {
  key: NumericSettingKey;
  label: string;
  help: string;
  /** Shown in seconds when the stored value is milliseconds: nobody thinks of a timeout as 60000. */
  unit: 'seconds' | 'entries' | 'megabytes';
  min: number;
  max: number;
  step: number;
}

function bounds(key: NumericSettingKey): { min: number; max: number } {
  // Read from the contract so the page can never disagree with what the manager accepts.
  const inner = AppSettingsSchema.shape[key].unwrap();
  if (!(inner instanceof z.ZodNumber)) throw new Error(`${key} is not a number in the contract`);
  return { min: inner.minValue ?? 0, max: inner.maxValue ?? Number.MAX_SAFE_INTEGER };
}

const STEPS: Record<NumericSettingSpec['unit'], number> = { seconds: 0.1, entries: 100, megabytes: 1 };
const UNIT_WORDS: Record<NumericSettingSpec['unit'], string> = { seconds: 'seconds', entries: 'lines', megabytes: 'MB' };

/** The short unit shown next to a field. */
export const UNIT_LABELS: Record<NumericSettingSpec['unit'], string> = { seconds: 's', entries: 'lines', megabytes: 'MB' };

function spec(key: NumericSettingKey, label: string, help: string, unit: NumericSettingSpec['unit']): NumericSettingSpec {
  const { min, max } = bounds(key);
  const scale = unit === 'seconds' ? 1000 : 1;
  return { key, label, help, unit, min: min / scale, max: max / scale, step: STEPS[unit] };
}

export const NUMERIC_SETTINGS: readonly NumericSettingSpec[] = [
  spec('healthIntervalMs', 'Health check interval', 'How often each running server is pinged.', 'seconds'),
  spec('pingTimeoutMs', 'Ping timeout', 'A ping slower than this counts as missed; three in a row restart the server.', 'seconds'),
  spec('callTimeoutMs', 'Tool call timeout', 'The longest a playground call may run before it is cancelled.', 'seconds'),
  spec('logBufferSize', 'Log lines kept per server', 'Older lines are still in the log files on disk.', 'entries'),
  spec('maxMessageMb', 'Largest message', 'The largest answer a server may send (a screenshot, a file); a call with a larger one fails.', 'megabytes'),
  spec('messageBufferMb', 'Messages kept per server', 'How much of each server\'s JSON-RPC traffic the Messages tab keeps in memory; the oldest messages make room.', 'megabytes'),
  spec('serverRequestTimeoutMs', 'Server request timeout', "How long a server's sampling or elicitation request waits for your answer in this window.", 'seconds'),
];

export type SettingsText = Record<NumericSettingKey, string>;

export function textOf(settings: AppSettings): SettingsText {
  const text = {} as SettingsText;
  for (const setting of NUMERIC_SETTINGS) {
    const value = settings[setting.key];
    text[setting.key] = String(setting.unit === 'seconds' ? value / 1000 : value);
  }
  return text;
}

type SettingsParseResult =
  | { ok: true; patch: Partial<AppSettings> }
  | { ok: false; errors: Partial<Record<NumericSettingKey, string>> };

/** The changed settings, converted back to the contract's units, or a message per bad field. */
export function parseSettingsText(text: SettingsText, current: AppSettings): SettingsParseResult {
  const errors: Partial<Record<NumericSettingKey, string>> = {};
  const patch: Partial<AppSettings> = {};
  for (const setting of NUMERIC_SETTINGS) {
    const raw = text[setting.key].trim();
    const value = Number(raw);
    const unitWord = UNIT_WORDS[setting.unit];
    if (raw === '' || !Number.isFinite(value)) {
      errors[setting.key] = `Enter a number of ${unitWord}.`;
      continue;
    }
    if (value < setting.min || value > setting.max) {
      errors[setting.key] = `Between ${setting.min.toLocaleString('en-US')} and ${setting.max.toLocaleString('en-US')} ${unitWord}.`;
      continue;
    }
    if (setting.unit !== 'seconds' && !Number.isInteger(value)) {
      errors[setting.key] = `Enter a whole number of ${unitWord}.`;
      continue;
    }
    const stored = setting.unit === 'seconds' ? Math.round(value * 1000) : value;
    if (stored !== current[setting.key]) patch[setting.key] = stored;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, patch };
}
