/**
 * Makes a log entry's text and fields safe to keep: secrets redacted, sizes capped, and fields
 * turned into plain JSON data (no bigint, cycles or class instances that JSON cannot carry).
 */
import { createRedactor, REDACTED, type Redactor } from '../shared/redact';

/** Longest message (and longest string inside fields) kept, in UTF-16 characters. */
export const MAX_TEXT_CHARS = 16 * 1024;
/** Longest serialised fields kept as they are; longer ones become `{ fieldsCut: <the first this many characters of their JSON> }`. */
export const MAX_FIELDS_JSON_CHARS = 16 * 1024;
const MAX_DEPTH = 8;
const MAX_CONTAINER_ITEMS = 1_000;
// Extra characters redacted past a cut so a secret straddling the cut is still caught whole.
const MIN_REDACTION_MARGIN = 512;
// Header-like keys whose whole value is a credential even when it matches no token shape.
const CREDENTIAL_KEY = /^(?:proxy-)?authorization$|^(?:set-)?cookie$|^x-api-key$/i;
const OMIT = Symbol('omit');

interface Walk {
  /** Objects on the path from the root, to spot cycles. */
  ancestors: object[];
  redactStrings: boolean;
}

export interface SafeFields {
  value: Record<string, unknown>;
  /** The same fields serialised once, reused for the JSONL line and for text search. */
  json: string;
}

export class EntryRedactor {
  private readonly redact: Redactor;
  private readonly margin: number;

  constructor(secretValues: Iterable<string> = []) {
    const values = [...secretValues];
    this.redact = createRedactor(values);
    this.margin = values.reduce((longest, value) => Math.max(longest, value.length), MIN_REDACTION_MARGIN);
  }

  /** Redacts, then caps at `maxChars` with a note saying how long the original was. */
  text(value: string, maxChars = MAX_TEXT_CHARS): string {
    // Only the part that survives the cut (plus a margin) is scanned, so a 1 MB line costs little.
    const window = value.length > maxChars + this.margin ? value.slice(0, maxChars + this.margin) : value;
    const redacted = this.redact(window);
    if (redacted.length <= maxChars) return redacted;
    return `${cutAt(redacted, maxChars)}… [cut: ${value.length} characters, first ${maxChars} kept]`;
  }

  /** Redacts every key and string inside `fields`; undefined when nothing is left to keep. */
  fields(fields: Record<string, unknown>): SafeFields | undefined {
    const plain = this.safeRecordOrUndefined(fields, false);
    if (!plain) return undefined;
    let json = JSON.stringify(plain);
    let value: Record<string, unknown> | undefined = plain;
    if (json.includes('\\')) {
      value = undefined; // escapes hide text from the patterns (e.g. "\nghp_..." has no word boundary)
    } else {
      // Without escapes the JSON shows every key and string verbatim, so one pass over it is the
      // same as one pass per string, several times faster for typical pino fields.
      const redacted = this.redact(json);
      if (redacted !== json) {
        value = parseRecord(redacted);
        json = redacted;
      }
    }
    if (!value) {
      value = this.safeRecordOrUndefined(fields, true);
      if (!value) return undefined;
      json = JSON.stringify(value);
    }
    if (json.length <= MAX_FIELDS_JSON_CHARS) return { value, json };
    const cut = { fieldsCut: `${cutAt(json, MAX_FIELDS_JSON_CHARS)}… [cut: ${json.length} characters of fields, first ${MAX_FIELDS_JSON_CHARS} kept]` };
    return { value: cut, json: JSON.stringify(cut) };
  }

  private safeRecordOrUndefined(fields: Record<string, unknown>, redactStrings: boolean): Record<string, unknown> | undefined {
    const value = this.safeValue(fields, 0, { ancestors: [], redactStrings }, '');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    for (const _ in value) return value as Record<string, unknown>;
    return undefined;
  }

  private safeValue(value: unknown, depth: number, walk: Walk, key: string): unknown {
    switch (typeof value) {
      case 'string':
        if (CREDENTIAL_KEY.test(key) && value.length > 0) return REDACTED;
        // A long string is redacted before it is cut, so a secret straddling the cut cannot survive.
        return walk.redactStrings || value.length > MAX_TEXT_CHARS ? this.text(value) : value;
      case 'number': {
        // JSON would turn NaN and Infinity into null; the string says what it was.
        if (!Number.isFinite(value)) return String(value);
        if (!walk.redactStrings) return value;
        // A numeric secret (a PIN, an account number) logged as a number is still that secret.
        const text = String(value);
        const redacted = this.redact(text);
        return redacted === text ? value : redacted;
      }
      case 'boolean':
        return value;
      case 'bigint':
        return value.toString();
      case 'object':
        return value === null ? null : this.safeObject(value, depth, walk);
      default:
        return OMIT; // undefined, functions and symbols: JSON drops them too
    }
  }

  private safeObject(value: object, depth: number, walk: Walk): unknown {
    if (walk.ancestors.includes(value)) return '[circular]';
    if (depth >= MAX_DEPTH) return '[nested too deep]';
    walk.ancestors.push(value);
    try {
      if (Array.isArray(value)) return this.safeArray(value, depth, walk);
      if (value instanceof Error) return this.safeRecord(errorRecord(value), depth, walk);
      const toJSON: unknown = (value as { toJSON?: unknown }).toJSON;
      if (typeof toJSON === 'function') return this.safeValue(callToJson(value, toJSON as (this: object) => unknown), depth + 1, walk, '');
      return this.safeRecord(value as Record<string, unknown>, depth, walk);
    } finally {
      walk.ancestors.pop();
    }
  }

  private safeArray(items: unknown[], depth: number, walk: Walk): unknown[] {
    const kept = Math.min(items.length, MAX_CONTAINER_ITEMS);
    const result: unknown[] = new Array<unknown>(kept);
    for (let index = 0; index < kept; index++) {
      const item = this.safeValue(items[index], depth + 1, walk, '');
      result[index] = item === OMIT ? null : item;
    }
    if (items.length > kept) result.push(`[${items.length - kept} more items]`);
    return result;
  }

  private safeRecord(record: Record<string, unknown>, depth: number, walk: Walk): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    let count = 0;
    for (const key of Object.keys(record)) {
      if (count === MAX_CONTAINER_ITEMS) {
        result['[more keys]'] = Object.keys(record).length - count;
        break;
      }
      const item = this.safeValue(record[key], depth + 1, walk, key);
      if (item === OMIT) continue;
      result[walk.redactStrings ? this.redact(key) : key] = item;
      count++;
    }
    return result;
  }
}

/** An Error's own enumerable properties are usually empty; name, message and stack are what matter. */
function errorRecord(error: Error): Record<string, unknown> {
  const record: Record<string, unknown> = { name: error.name, message: error.message, stack: error.stack };
  for (const key of Object.keys(error)) record[key] = (error as unknown as Record<string, unknown>)[key];
  if (error.cause !== undefined) record.cause = error.cause;
  return record;
}

function callToJson(value: object, toJSON: (this: object) => unknown): unknown {
  try {
    return toJSON.call(value);
  } catch {
    return '[unserialisable]';
  }
}

function parseRecord(json: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // a secret spanning JSON punctuation broke the text: redact string by string instead
  }
}

/** Cuts at `length` without splitting a surrogate pair (which would leave invalid UTF-16). */
function cutAt(text: string, length: number): string {
  const code = text.charCodeAt(length - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}
