import { describe, expect, it } from 'vitest';
import { ResponseEnvelopeSchema } from '../shared/bridge';
import { isTrustedIpcSender, UNTRUSTED_SENDER_ENVELOPE } from './ipc-sender';

describe('isTrustedIpcSender', () => {
  const bundled = { kind: 'bundled' } as const;
  const dev = { kind: 'dev-server', origin: 'http://localhost:5173' } as const;

  it('trusts the top frame of our renderer page', () => {
    expect(isTrustedIpcSender({ url: 'mcp-tray://app/index.html', isTopFrame: true }, bundled)).toBe(true);
    expect(isTrustedIpcSender({ url: 'http://localhost:5173/', isTopFrame: true }, dev)).toBe(true);
  });

  it('refuses an iframe, even one showing our page', () => {
    expect(isTrustedIpcSender({ url: 'mcp-tray://app/index.html', isTopFrame: false }, bundled)).toBe(false);
  });

  it('refuses a frame that is gone or shows another page', () => {
    expect(isTrustedIpcSender(undefined, bundled)).toBe(false);
    expect(isTrustedIpcSender({ url: 'https://example.com/', isTopFrame: true }, bundled)).toBe(false);
    expect(isTrustedIpcSender({ url: 'file:///work/main/out/renderer/index.html', isTopFrame: true }, bundled)).toBe(false);
    expect(isTrustedIpcSender({ url: 'http://localhost:5173/', isTopFrame: true }, bundled)).toBe(false);
    expect(isTrustedIpcSender({ url: 'mcp-tray://app/index.html', isTopFrame: true }, dev)).toBe(false);
  });
});

describe('the refusal of an untrusted sender', () => {
  it('matches the shared envelope schema the renderer validates', () => {
    expect(ResponseEnvelopeSchema.safeParse(UNTRUSTED_SENDER_ENVELOPE).success).toBe(true);
  });
});
