import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { callAsCommand, shellQuote } from '../../src/renderer/playground/history/call-copies';

/** What a real POSIX shell makes of the words: each argument printed back, NUL-separated. */
function throughShell(words: string): string[] {
  return execFileSync('/bin/sh', ['-c', `printf '%s\\0' ${words}`], { encoding: 'utf8' }).split('\0').slice(0, -1);
}

describe('a copied call, read back by a real POSIX shell', () => {
  it('gives every quoted word back unchanged', () => {
    const awkward = ["it's", '$HOME `id` $(id)', 'a\nb', '\\', '"', '!', '*', '~', "''", '-n', 'ünï ☀', 'a;b|c&d>e'];
    expect(throughShell(awkward.map(shellQuote).join(' '))).toEqual(awkward);
  });

  it('passes the arguments to mcp-tray call as the JSON that was sent', () => {
    const args = { location: "Val d'Isère", days: 3, units: '$(rm -rf ~)', note: 'back\\slash "quoted"\nnew line' };
    const words = throughShell(callAsCommand('weather', 'get_forecast', args).replace(/^mcp-tray /, ''));
    expect(words.slice(0, 4)).toEqual(['call', 'weather', 'get_forecast', '--json']);
    expect(JSON.parse(words[4] ?? '')).toEqual(args);
  });
});
