import { describe, expect, it } from 'vitest';
import { levelFromValue, MAX_PARSED_LINE_CHARS, parseStderrLine } from './stderr-line';

describe('parseStderrLine: pino and other JSON lines', () => {
  it('takes level, msg and time from a pino line and keeps the rest as fields', () => {
    const line = JSON.stringify({
      level: 40,
      time: 1_700_000_000_123,
      pid: 4242,
      hostname: 'box',
      name: 'weather',
      msg: 'upstream slow',
      durationMs: 812,
      request: { city: 'Oslo', retries: [1, 2] },
    });
    expect(parseStderrLine(line)).toEqual({
      level: 'warn',
      message: 'upstream slow',
      time: new Date(1_700_000_000_123),
      fields: { durationMs: 812, request: { city: 'Oslo', retries: [1, 2] } },
    });
  });

  it('maps every pino level number, and custom numbers in between by threshold', () => {
    const levels = [10, 20, 30, 40, 50, 60, 35, 5, 70].map((level) => parseStderrLine(JSON.stringify({ level, msg: 'x' })).level);
    expect(levels).toEqual(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'info', 'trace', 'fatal']);
  });

  it('understands level names in any case, their common aliases, and numeric strings', () => {
    expect(levelFromValue('WARN')).toBe('warn');
    expect(levelFromValue('warning')).toBe('warn');
    expect(levelFromValue('err')).toBe('error');
    expect(levelFromValue('critical')).toBe('fatal');
    expect(levelFromValue('verbose')).toBe('debug');
    expect(levelFromValue('50')).toBe('error');
    expect(levelFromValue('loud')).toBeUndefined();
    expect(levelFromValue(Number.NaN)).toBeUndefined();
  });

  it('reads an ISO time (as pino.stdTimeFunctions.isoTime writes it) and epoch seconds', () => {
    expect(parseStderrLine('{"level":30,"time":"2025-03-04T05:06:07.089+01:00","msg":"a"}').time?.toISOString()).toBe('2025-03-04T04:06:07.089Z');
    expect(parseStderrLine('{"level":30,"time":1700000000,"msg":"a"}').time?.toISOString()).toBe('2023-11-14T22:13:20.000Z');
  });

  it('keeps envelope keys it cannot understand as fields instead of losing them', () => {
    const parsed = parseStderrLine('{"level":"loud","time":"yesterday","msg":{"text":"odd"},"pid":1}');
    expect(parsed).toEqual({ level: 'info', message: '', fields: { level: 'loud', time: 'yesterday', msg: { text: 'odd' } } });
  });

  it('uses `message` when there is no `msg`, and has no fields when nothing else is left', () => {
    expect(parseStderrLine('{"level":"error","message":"disk full","hostname":"h"}')).toEqual({ level: 'error', message: 'disk full' });
  });

  it('tolerates surrounding whitespace around a JSON line', () => {
    expect(parseStderrLine('  {"level":30,"msg":"padded"}\r')).toMatchObject({ level: 'info', message: 'padded' });
  });
});

describe('parseStderrLine: plain text lines', () => {
  it('keeps a plain line as its own message at level info', () => {
    expect(parseStderrLine('Server listening on stdio')).toEqual({ level: 'info', message: 'Server listening on stdio' });
  });

  it('marks lines that start like an error report as error', () => {
    for (const line of ['Error: boom', 'TypeError: x is not a function', 'ERROR something broke', 'FATAL out of memory', 'error: unknown option', 'npm ERR! code E404', 'Traceback (most recent call last):', 'Uncaught Exception']) {
      expect(parseStderrLine(line).level, line).toBe('error');
    }
  });

  it('marks lines that start like a warning as warn, including Node process warnings', () => {
    for (const line of ['WARN low disk', 'WARNING: deprecated flag', 'Warning: something', 'npm WARN deprecated x', '(node:1234) Warning: Closing file descriptor', '(node:99) [DEP0040] DeprecationWarning: The `punycode` module is deprecated.']) {
      expect(parseStderrLine(line).level, line).toBe('warn');
    }
  });

  it('does not mistake ordinary words for errors, and leaves stack frames at info', () => {
    for (const line of ['Errors found: 0', 'No error here', '    at Object.<anonymous> (/app/index.js:1:1)', 'Warnings are off']) {
      expect(parseStderrLine(line).level, line).toBe('info');
    }
  });

  it('removes colour codes from plain lines', () => {
    expect(parseStderrLine('\u001b[31mError:\u001b[39m \u001b[1mboom\u001b[22m')).toEqual({ level: 'error', message: 'Error: boom' });
  });

  it('keeps JSON that is not an object, broken JSON and oversized JSON as text', () => {
    expect(parseStderrLine('[1,2,3]')).toEqual({ level: 'info', message: '[1,2,3]' });
    expect(parseStderrLine('{"level":50,"msg":"cut')).toEqual({ level: 'info', message: '{"level":50,"msg":"cut' });
    expect(parseStderrLine('{not json}')).toEqual({ level: 'info', message: '{not json}' });
    const huge = JSON.stringify({ level: 50, msg: 'x'.repeat(MAX_PARSED_LINE_CHARS) });
    expect(parseStderrLine(huge)).toEqual({ level: 'info', message: huge });
  });
});
