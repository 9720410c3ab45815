import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createCliSandbox, describeRun, type CliSandbox } from './cli-harness';

const COMMANDS = [
  ['status'],
  ['run'],
  ['start'],
  ['stop'],
  ['restart'],
  ['logs'],
  ['tools'],
  ['call'],
  ['servers', 'list'],
  ['servers', 'add'],
  ['servers', 'remove'],
  ['servers', 'env'],
  ['secrets', 'list'],
  ['secrets', 'set'],
  ['secrets', 'delete'],
];

describe('mcp-tray help and usage errors', { timeout: 60_000 }, () => {
  let sandbox: CliSandbox;

  beforeAll(async () => {
    sandbox = await createCliSandbox('cli-usage');
  });
  afterAll(async () => {
    await sandbox.remove();
  });

  it('prints the overview with --help, listing every command, and exits 0', async () => {
    for (const flag of ['--help', '-h']) {
      const result = await sandbox.run([flag]);
      expect(result.code, describeRun(result)).toBe(0);
      expect(result.stdout).toMatch(/^Usage: mcp-tray <command>/);
      for (const words of COMMANDS) expect(result.stdout).toContain(`  ${words.join(' ')} `);
      expect(result.stderr).toBe('');
    }
  });

  it.each(COMMANDS.map((words) => [words.join(' '), words] as const))('prints the help of "%s" with --help and exits 0', async (_name, command) => {
    const result = await sandbox.run([...command, '--help']);
    expect(result.code, describeRun(result)).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: mcp-tray ${command.join(' ')}\\b`));
    expect(result.stdout).toContain('-h, --help');
    const viaHelpWord = await sandbox.run(['help', ...command]);
    expect(viaHelpWord.stdout).toBe(result.stdout);
  });

  it('prints the help of a command group', async () => {
    for (const group of ['servers', 'secrets']) {
      const result = await sandbox.run([group, '--help']);
      expect(result.code, describeRun(result)).toBe(0);
      expect(result.stdout).toContain(`Usage: mcp-tray ${group} <`);
      expect(result.stdout).toContain(`${group} list`);
    }
  });

  it('--help wins over anything else on the line, and changes nothing', async () => {
    const result = await sandbox.run(['servers', 'add', 'demo', '--bogus', '--help', '--', 'node', 'x.js']);
    expect(result.code, describeRun(result)).toBe(0);
    expect(result.stdout).toMatch(/^Usage: mcp-tray servers add/);
    expect(existsSync(path.join(sandbox.dataDir, 'settings.json'))).toBe(false);
  });

  const badCommandLines: Array<[string, string[], RegExp, RegExp]> = [
    ['no command', [], /Give a command/, /^Usage: mcp-tray <command>/m],
    ['an unknown command', ['frobnicate'], /Unknown command "frobnicate"/, /^Usage: mcp-tray <command>/m],
    ['an unknown group command', ['servers', 'frob'], /Unknown command "servers frob"/, /^Usage: mcp-tray servers </m],
    ['a bare group', ['secrets'], /Give a secrets command/, /^Usage: mcp-tray secrets </m],
    ['an unknown option', ['status', '--bogus'], /Unknown option --bogus/, /^Usage: mcp-tray status/m],
    ['an extra argument', ['status', 'now'], /Unexpected argument "now"/, /^Usage: mcp-tray status/m],
    ['a missing id', ['start'], /Missing <id>/, /^Usage: mcp-tray start <id>/m],
    ['two ids', ['stop', 'a', 'b'], /Unexpected argument "b"/, /^Usage: mcp-tray stop <id>/m],
    ['logs without an id', ['logs'], /Missing <id>/, /^Usage: mcp-tray logs/m],
    ['an unknown log level', ['logs', 'weather', '--level', 'loud'], /--level is one of trace, debug, info, warn, error, fatal/, /^Usage: mcp-tray logs/m],
    ['a limit of zero', ['logs', 'weather', '--limit', '0'], /--limit must be a whole number/, /^Usage: mcp-tray logs/m],
    ['a limit without a value', ['logs', 'weather', '--limit'], /needs a value/, /^Usage: mcp-tray logs/m],
    ['tools without an id', ['tools'], /Missing <id>/, /^Usage: mcp-tray tools/m],
    ['tools with --client alone', ['tools', 'github', '--client', 'cursor'], /--client goes with --disable or --enable/, /^Usage: mcp-tray tools/m],
    ['tools with --disable and --enable', ['tools', 'github', '--disable', 'a', '--enable', 'b'], /Give only one of --disable, --enable/, /^Usage: mcp-tray tools/m],
    ['tools with a tool to approve but no --approve', ['tools', 'github', 'create_issue'], /Unexpected argument "create_issue"/, /^Usage: mcp-tray tools/m],
    ['call without a tool', ['call', 'weather'], /Missing <tool>/, /^Usage: mcp-tray call/m],
    ['call with --json and words', ['call', 'weather', 'get_weather', '--json', '{}', 'location=Paris'], /either as --json or as name=value/, /^Usage: mcp-tray call/m],
    ['call with --json that is not an object', ['call', 'weather', 'get_weather', '--json', '[1]'], /must be a JSON object/, /^Usage: mcp-tray call/m],
    ['call with --json that is not JSON', ['call', 'weather', 'get_weather', '--json', '{nope'], /--json is not valid JSON/, /^Usage: mcp-tray call/m],
    ['call with a word that is not name=value', ['call', 'weather', 'get_weather', 'Paris'], /"Paris" is not an argument/, /^Usage: mcp-tray call/m],
    ['call with a name both value and object', ['call', 'weather', 'get_weather', 'a=1', 'a.b=2'], /both a value and an object/, /^Usage: mcp-tray call/m],
    ['call with an unknown output', ['call', 'weather', 'get_weather', '--output', 'yaml'], /--output is "json" or "text"/, /^Usage: mcp-tray call/m],
    ['servers add without a command', ['servers', 'add', 'demo'], /Give the command that starts the server after --/, /^Usage: mcp-tray servers add/m],
    ['servers add with an empty command', ['servers', 'add', 'demo', '--'], /Give the command/, /^Usage: mcp-tray servers add/m],
    ['servers add without an id', ['servers', 'add', '--', 'node'], /Missing <id>/, /^Usage: mcp-tray servers add/m],
    ['servers add with a bad --env', ['servers', 'add', 'demo', '--env', 'NOEQUALS', '--', 'node'], /"NOEQUALS" is not an assignment/, /^Usage: mcp-tray servers add/m],
    ['servers env without assignments', ['servers', 'env', 'weather'], /at least one NAME=value/, /^Usage: mcp-tray servers env/m],
    ['servers env with a bad name', ['servers', 'env', 'weather', '1BAD=x'], /not a valid environment variable name/, /^Usage: mcp-tray servers env/m],
    ['servers remove without an id', ['servers', 'remove'], /Missing <id>/, /^Usage: mcp-tray servers remove/m],
    ['secrets set without a name', ['secrets', 'set', 'github'], /Missing <NAME>/, /^Usage: mcp-tray secrets set/m],
    ['secrets delete without a name', ['secrets', 'delete', 'github'], /Missing <NAME>/, /^Usage: mcp-tray secrets delete/m],
    ['secrets list with two ids', ['secrets', 'list', 'a', 'b'], /Unexpected argument "b"/, /^Usage: mcp-tray secrets list/m],
    ['run with an argument', ['run', 'now'], /Unexpected argument "now"/, /^Usage: mcp-tray run/m],
  ];

  it.each(badCommandLines)('exits 2 with the usage on stderr for %s', async (_label, args, message, usage) => {
    const result = await sandbox.run(args);
    expect(result.code, describeRun(result)).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(usage);
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('does not echo a third argument to secrets delete, which may be the secret itself', async () => {
    const result = await sandbox.run(['secrets', 'delete', 'github', 'GITHUB_TOKEN', 'ghp_canary0123456789abcdefghijklmnopqrst']);
    expect(result.code, describeRun(result)).toBe(2);
    expect(result.stderr).toMatch(/takes a server id and a secret name, nothing more/);
    expect(result.stderr).toMatch(/^Usage: mcp-tray secrets delete/m);
    expect(result.stderr).not.toContain('ghp_canary');
  });

  it('never starts a manager or touches the data folder for a usage error', () => {
    expect(existsSync(path.join(sandbox.dataDir, 'control.sock'))).toBe(false);
  });
});
