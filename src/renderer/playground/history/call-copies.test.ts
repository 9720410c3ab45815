import { describe, expect, it } from 'vitest';
import { callAsCommand, callAsJsonRpc, shellQuote } from './call-copies';

describe('copying a call', () => {
  it('leaves plain words alone and single-quotes the rest', () => {
    expect(shellQuote('get_weather')).toBe('get_weather');
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote('')).toBe("''");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
  });

  it('writes the mcp-tray call command with the arguments as --json', () => {
    const args = { location: "Val d'Isère", days: 3, units: '$(rm -rf ~)' };
    const command = callAsCommand('weather', 'get_forecast', args);
    expect(command.startsWith("mcp-tray call weather get_forecast --json '")).toBe(true);
    expect(command).toContain("Val d'\\''Isère");
    expect(callAsCommand('github', 'get_me', {})).toBe('mcp-tray call github get_me');
  });

  it('writes the tools/call request', () => {
    expect(JSON.parse(callAsJsonRpc('get_weather', { location: 'Berlin' }, 7))).toEqual({
      jsonrpc: '2.0',
      id: 7,
      method: 'tools/call',
      params: { name: 'get_weather', arguments: { location: 'Berlin' } },
    });
  });
});
