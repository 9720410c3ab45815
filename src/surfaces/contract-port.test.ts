import { describe, expect, it } from 'vitest';
import { ResponseEnvelopeSchema } from '../shared/bridge';
import { ContractError } from '../shared/contract';
import { errorEnvelope, toEnvelope } from './contract-port';

describe('toEnvelope', () => {
  it('wraps a result', async () => {
    await expect(toEnvelope(async () => ({ removed: true }))).resolves.toEqual({ ok: true, result: { removed: true } });
  });

  it('keeps the code and message of a contract error', async () => {
    const envelope = await toEnvelope(async () => {
      throw new ContractError('not_found', 'There is no server "nope".');
    });
    expect(envelope).toEqual({ ok: false, error: { code: 'not_found', message: 'There is no server "nope".' } });
  });

  it('turns any other failure into "failed" and never rejects', async () => {
    await expect(toEnvelope(async () => Promise.reject(new Error('disk full')))).resolves.toEqual({ ok: false, error: { code: 'failed', message: 'disk full' } });
    await expect(toEnvelope(async () => Promise.reject('a string'))).resolves.toMatchObject({ ok: false, error: { code: 'failed' } });
    await expect(
      toEnvelope(() => {
        throw new TypeError('');
      }),
    ).resolves.toEqual({ ok: false, error: { code: 'failed', message: 'Something went wrong in MCP Tray.' } });
  });
});

describe('envelopes match the shared schema the renderer validates', () => {
  it('for errors', () => {
    expect(ResponseEnvelopeSchema.safeParse(errorEnvelope(new ContractError('timeout', 'slow'))).success).toBe(true);
  });
});
