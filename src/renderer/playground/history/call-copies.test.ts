import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { callAsCommand, callAsJsonRpc, shellQuote } from './call-copies';

/** What a real POSIX shell makes of a quoted word: printed back one argument per line, NUL-separated. */
function throughShell(command: string): string[] {
  return execFileSync('/bin/sh', ['-c', `printf '%s\\0' ${command}`], { encoding: 'utf8' }).split('\0').slice(0, -1);
}

describe('copying a call', () => {
  it('leaves plain words alone and single-quotes the rest', () => {
    expect(shellQuote('get_weather')).toBe('get_weather');
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote('')).toBe("''");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
  });

  it('quotes every word so a POSIX shell gives it back unchanged', () => {
    const awkward = ["it's", '$HOME `id` $(id)', 'a\nb', '\\', '"', '!', '*', '~', "''", '-n', 'ünï ☀'];
    expect(throughShell(awkward.map(shellQuote).join(' '))).toEqual(awkward);
  });

  it('writes the mcp-tray call command with the arguments as --json', () => {
    const args = { location: "Val d'Isère", days: 3, units: '$(rm -rf ~)' };
    const command = callAsCommand('weather', 'get_forecast', args);
    expect(command.startsWith("mcp-tray call weather get_forecast --json '")).toBe(true);
    const words = throughShell(command.replace(/^mcp-tray /, ''));
    expect(words.slice(0, 4)).toEqual(['call', 'weather', 'get_forecast', '--json']);
    expect(JSON.parse(words[4] ?? '')).toEqual(args);
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
