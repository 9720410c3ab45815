import { describe, expect, it } from 'vitest';
import { bridgedCapabilities, envelopeOf, modernResult, negotiatedLegacyVersion, withoutEnvelope } from './protocol-eras';

const envelope = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientInfo': { name: 'app', version: '1' },
  'io.modelcontextprotocol/clientCapabilities': { sampling: {} },
};

describe('protocol eras', () => {
  it('reads a 2026-07-28 request envelope and drops it before the 2025 server sees the request', () => {
    expect(envelopeOf({ _meta: envelope })).toEqual({ protocolVersion: '2026-07-28', clientInfo: { name: 'app', version: '1' }, clientCapabilities: { sampling: {} } });
    expect(envelopeOf({ _meta: { progressToken: 1 } })).toBeUndefined();
    expect(withoutEnvelope({ name: 't', _meta: { ...envelope, progressToken: 2 } })).toEqual({ name: 't', _meta: { progressToken: 2 } });
    expect(withoutEnvelope({ name: 't', _meta: envelope })).toEqual({ name: 't' });
  });

  it('marks a modern result complete, uncached, with the server named', () => {
    expect(modernResult('tools/list', { tools: [] }, { name: 's', version: '1' })).toEqual({
      tools: [],
      resultType: 'complete',
      ttlMs: 0,
      cacheScope: 'private',
      _meta: { 'io.modelcontextprotocol/serverInfo': { name: 's', version: '1' } },
    });
    expect(modernResult('tools/call', { content: [] }, undefined)).toEqual({ content: [], resultType: 'complete' });
  });

  it('answers a 2025 initialize with its own version when known, and leaves tasks out of the capabilities', () => {
    expect(negotiatedLegacyVersion('2025-06-18')).toBe('2025-06-18');
    expect(negotiatedLegacyVersion('1999-01-01')).toBe('2025-11-25');
    expect(bridgedCapabilities({ tools: {}, tasks: { list: {} } })).toEqual({ tools: {} });
  });
});
