import { describe, expect, it } from 'vitest';
import { joinCommandLine, splitCommandLine } from './command-line';
import { formatEnvText, parseEnvText, parseNameList } from './env-text';
import { EMPTY_SERVER_FORM, errorsFromServer, formValuesOf, suggestId, validateServerForm } from './server-form-model';

describe('splitCommandLine', () => {
  it('splits on whitespace and keeps quoted words together', () => {
    expect(splitCommandLine(' -y  @modelcontextprotocol/server-memory --name "My notes" \'a b\'')).toEqual({
      ok: true,
      args: ['-y', '@modelcontextprotocol/server-memory', '--name', 'My notes', 'a b'],
    });
  });

  it('keeps empty quoted arguments and backslash escapes', () => {
    expect(splitCommandLine('"" a\\ b "say \\"hi\\""')).toEqual({ ok: true, args: ['', 'a b', 'say "hi"'] });
  });

  it('reports an unclosed quote', () => {
    expect(splitCommandLine('--name "oops')).toEqual({ ok: false, error: 'A double quote is not closed.' });
  });

  it('round-trips through joinCommandLine', () => {
    const args = ['-y', 'a b', "it's", 'say "hi"', '', 'C:\\path'];
    const joined = joinCommandLine(args);
    expect(splitCommandLine(joined)).toEqual({ ok: true, args });
  });
});

describe('env text', () => {
  it('parses NAME=value lines, skipping blanks and comments, keeping "=" in values', () => {
    expect(parseEnvText('A=1\n\n# note\nURL=http://x/?a=b\nEMPTY=')).toEqual({ ok: true, env: { A: '1', URL: 'http://x/?a=b', EMPTY: '' } });
  });

  it('names the line of a malformed entry', () => {
    expect(parseEnvText('A=1\nnot a pair')).toEqual({ ok: false, error: 'Line 2: write NAME=value (no "=" found).' });
    expect(parseEnvText('1A=x')).toMatchObject({ ok: false, error: expect.stringContaining('Line 1: An environment variable name') });
    expect(parseEnvText('A=1\nA=2')).toEqual({ ok: false, error: 'Line 2: A is set twice.' });
  });

  it('formats back to the same text', () => {
    expect(formatEnvText({ A: '1', B: 'x y' })).toBe('A=1\nB=x y');
  });

  it('reads name lists separated by commas, spaces or lines', () => {
    expect(parseNameList(' API_KEY, TOKEN\nOTHER ')).toEqual(['API_KEY', 'TOKEN', 'OTHER']);
  });
});

describe('server form', () => {
  const valid = { ...EMPTY_SERVER_FORM, id: 'memory', name: 'Memory', command: 'npx', args: '-y @modelcontextprotocol/server-memory', env: 'A=1', secretEnv: 'API_KEY' };

  it('turns valid text into a contract CustomServer', () => {
    expect(validateServerForm(valid)).toEqual({
      ok: true,
      server: { id: 'memory', name: 'Memory', command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory'], env: { A: '1' }, secretEnv: ['API_KEY'], enabled: true, autostart: true, sharing: 'per-session', roots: [] },
    });
  });

  it('puts the contract schema messages next to their fields', () => {
    const result = validateServerForm({ ...valid, id: 'Bad Id', name: ' ', command: '', secretEnv: 'OK, 9BAD' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.id).toMatch(/server id is 1-63 lowercase/);
    expect(result.errors.name).toBe('Give the server a name.');
    expect(result.errors.command).toMatch(/Enter the command/);
    expect(result.errors.secretEnv).toMatch(/^"9BAD": An environment variable name/);
  });

  it('reports argument and environment parsing problems on their fields', () => {
    const result = validateServerForm({ ...valid, args: '"open', env: 'nope' });
    expect(result).toMatchObject({ ok: false, errors: { args: 'A double quote is not closed.', env: expect.stringContaining('Line 1') } });
  });

  it('refuses a secret that is also a plain environment variable', () => {
    expect(validateServerForm({ ...valid, env: 'API_KEY=x' })).toMatchObject({ ok: false, errors: { secretEnv: expect.stringContaining('API_KEY') } });
  });

  it('fills the form from a definition and validates back to it', () => {
    const definition = { id: 'm', name: 'M', description: '', kind: 'custom' as const, command: 'node', args: ['server.js', 'a b'], env: { X: '1' }, secretEnv: ['K'], enabled: false, autostart: true, sharing: 'per-session' as const, roots: [] };
    const result = validateServerForm(formValuesOf(definition));
    expect(result).toMatchObject({ ok: true, server: { args: ['server.js', 'a b'], env: { X: '1' }, secretEnv: ['K'], enabled: false } });
  });

  it('suggests an id from the name', () => {
    expect(suggestId('Memory (local)')).toBe('memory-local');
    expect(suggestId('  Über Server!  ')).toBe('uber-server');
  });

  it('maps manager errors to fields, and the rest to the form', () => {
    expect(errorsFromServer('invalid_input', 'Command "nope" was not found or is not executable.')).toEqual({ command: 'Command "nope" was not found or is not executable.' });
    expect(errorsFromServer('conflict', 'A server with id "memory" already exists. Choose another id.')).toEqual({ id: 'A server with id "memory" already exists. Choose another id.' });
    expect(errorsFromServer('invalid_input', 'name: Give the server a name.; env.1A: bad')).toEqual({ name: 'Give the server a name.', env: 'bad' });
    expect(errorsFromServer('unavailable', 'The keychain is not available.')).toEqual({ form: 'The keychain is not available.' });
  });
});
