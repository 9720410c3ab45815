import { describe, expect, it } from 'vitest';
import { createServerLogger } from './logger';
import { enterRequestContext } from './remote/request-context';

function collect(options: { level?: string; secrets?: string[] } = {}) {
  const lines: string[] = [];
  const logger = createServerLogger('weather', { ...options, write: (line) => lines.push(line) });
  const records = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, records };
}

describe('createServerLogger', () => {
  it('writes one JSON line per call in pino’s shape: numeric level, ISO time, pid, name, fields, msg', () => {
    const { logger, lines, records } = collect();
    logger.info({ tool: 'get_weather', duration_ms: 12 }, 'tool call');
    logger.warn('plain message');
    expect(lines.every((line) => line.endsWith('}\n') && !line.slice(0, -1).includes('\n'))).toBe(true);
    const [call, plain] = records();
    expect(call).toEqual({ level: 30, time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), pid: process.pid, name: 'weather', tool: 'get_weather', duration_ms: 12, msg: 'tool call' });
    expect(plain).toMatchObject({ level: 40, msg: 'plain message' });
  });

  it('drops lines below its level, and writes nothing at all when silent', () => {
    const atWarn = collect({ level: 'warn' });
    atWarn.logger.info('hidden');
    atWarn.logger.error('shown');
    expect(atWarn.records().map((record) => record.msg)).toEqual(['shown']);
    const silent = collect({ level: 'silent' });
    silent.logger.fatal('hidden');
    expect(silent.lines).toEqual([]);
  });

  it('gives a child its bindings on every line', () => {
    const { logger, records } = collect();
    logger.child({ component: 'octokit' }).warn('rate limited');
    expect(records()[0]).toMatchObject({ component: 'octokit', msg: 'rate limited' });
  });

  it('writes an error with its class, message, stack, own fields and cause, wherever it sits', () => {
    const { logger, records } = collect();
    const error = Object.assign(new TypeError('bad input', { cause: new Error('deeper') }), { code: 'E_BAD' });
    logger.error({ err: error, error }, 'failed');
    const record = records()[0]!;
    for (const key of ['err', 'error']) {
      expect(record[key]).toMatchObject({ type: 'TypeError', message: 'bad input', code: 'E_BAD', cause: { type: 'Error', message: 'deeper' } });
      expect((record[key] as { stack: string }).stack).toContain('TypeError: bad input');
    }
  });

  it('survives a field that refers to itself, and a bigint', () => {
    const { logger, records } = collect();
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    logger.info({ loop, big: 10n ** 20n }, 'odd fields');
    expect(records()[0]).toMatchObject({ loop: { name: 'loop', self: '[Circular]' }, big: '100000000000000000000' });
  });

  it('never writes the secrets it was given, nor anything shaped like a GitHub token', () => {
    const { logger, lines } = collect({ secrets: ['s3cret-value-1234'] });
    logger.info({ header: 'Bearer s3cret-value-1234', other: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789' }, 'echo s3cret-value-1234');
    expect(lines.join('')).not.toContain('s3cret-value-1234');
    expect(lines.join('')).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
  });

  it('carries the correlation id and caller of the request it is written in', async () => {
    const { logger, records } = collect();
    await new Promise<void>((resolve) => {
      setImmediate(() => {
        enterRequestContext({ correlationId: 'req-42', caller: { id: 'alice', kind: 'api-key', logName: 'alice', metricLabel: 'alice' } });
        logger.info('inside');
        resolve();
      });
    });
    logger.info('outside');
    const [inside, outside] = records();
    expect(inside).toMatchObject({ correlation_id: 'req-42', caller: 'alice' });
    expect(outside).not.toHaveProperty('correlation_id');
  });
});
