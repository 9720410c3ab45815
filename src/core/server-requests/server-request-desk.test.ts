import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PendingServerRequest } from '../../shared/server-requests-contract';
import type { LogInput } from '../logs';
import { ServerRequestDesk, type DeskRequest } from './server-request-desk';

const SAMPLING_PARAMS = { messages: [{ role: 'user', content: { type: 'text', text: 'What is 2+2?' } }], maxTokens: 10 };
const FORM_PARAMS = {
  mode: 'form',
  message: 'Who are you?',
  requestedSchema: { type: 'object', properties: { name: { type: 'string', minLength: 2 }, age: { type: 'integer' } }, required: ['name'] },
};
const REPLY = { role: 'assistant', model: 'person', content: { type: 'text', text: 'four' } };

const GRACE_MS = 3_000;

function setUp(timeoutMs = 60_000) {
  const changes: PendingServerRequest[][] = [];
  const logs: LogInput[] = [];
  const desk = new ServerRequestDesk({
    timeoutMs: () => timeoutMs,
    onChanged: (requests) => changes.push(requests),
    log: (input) => logs.push(input),
    redact: (text) => text.replaceAll('s3cret-value', '[redacted]'),
    closedWindowGraceMs: GRACE_MS,
  });
  const abort = new AbortController();
  const ask = (method: DeskRequest['method'], params: Record<string, unknown>, signal = abort.signal) =>
    desk.ask({ serverId: 'probe', method, params, signal, cause: { sessionId: 's1', client: 'cursor' }, why: 'cursor did not declare the capability' });
  return { desk, changes, logs, abort, ask };
}

describe('the server requests desk', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('takes no request while no window is open, and counts a window closed twice once', () => {
    const { desk, ask } = setUp();
    expect(ask('sampling/createMessage', SAMPLING_PARAMS)).toBeUndefined();
    const first = desk.attachWindow();
    const second = desk.attachWindow();
    first();
    first();
    expect(desk.windowOpen).toBe(true);
    second();
    expect(desk.windowOpen).toBe(false);
    expect(ask('sampling/createMessage', SAMPLING_PARAMS)).toBeUndefined();
  });

  it('lists a waiting request with its cause and deadline, and hands the checked reply to the server', async () => {
    const { desk, changes, logs, ask } = setUp();
    desk.attachWindow();
    const answered = ask('sampling/createMessage', { ...SAMPLING_PARAMS, systemPrompt: 'Token s3cret-value here' });
    const [waiting] = desk.list();
    expect(waiting).toMatchObject({ serverId: 'probe', method: 'sampling/createMessage', cause: { sessionId: 's1', client: 'cursor' } });
    expect(waiting?.params).toMatchObject({ systemPrompt: 'Token [redacted] here', maxTokens: 10 });
    expect(Date.parse(waiting?.expiresAt ?? '') - Date.parse(waiting?.receivedAt ?? '')).toBe(60_000);
    desk.answer({ id: waiting?.id ?? '', result: REPLY });
    await expect(answered).resolves.toEqual(REPLY);
    expect(desk.list()).toEqual([]);
    expect(changes.map((requests) => requests.length)).toEqual([1, 0]);
    expect(logs.map((entry) => entry.message)).toEqual([
      'sampling/createMessage waits for an answer in MCP Tray: cursor did not declare the capability',
      'sampling/createMessage answered in MCP Tray',
    ]);
  });

  it('refuses a reply that is not a sampling result and keeps the request waiting', async () => {
    const { desk, ask } = setUp();
    desk.attachWindow();
    const answered = ask('sampling/createMessage', SAMPLING_PARAMS);
    const id = desk.list()[0]?.id ?? '';
    expect(() => desk.answer({ id, result: { role: 'assistant', content: { type: 'text', text: 'four' } } })).toThrow(/This is not a sampling reply: model: .*Give the reply's text/);
    expect(desk.list()).toHaveLength(1);
    desk.answer({ id, result: REPLY });
    await expect(answered).resolves.toEqual(REPLY);
    expect(() => desk.answer({ id, result: REPLY })).toThrow(/no longer waiting/);
  });

  it('checks accepted form content against the schema the server asked for', async () => {
    const { desk, ask } = setUp();
    desk.attachWindow();
    const answered = ask('elicitation/create', FORM_PARAMS);
    const id = desk.list()[0]?.id ?? '';
    expect(() => desk.answer({ id, result: { action: 'accept', content: { age: 3 } } })).toThrow(/The form does not match what the server asked for: .*name/);
    expect(() => desk.answer({ id, result: { action: 'maybe' } })).toThrow(/This is not an elicitation answer: action/);
    desk.answer({ id, result: { action: 'accept', content: { name: 'Ada', age: 36 } } });
    await expect(answered).resolves.toEqual({ action: 'accept', content: { name: 'Ada', age: 36 } });
  });

  it('accepts a URL request only without content', async () => {
    const { desk, ask } = setUp();
    desk.attachWindow();
    const answered = ask('elicitation/create', { mode: 'url', message: 'Sign in', url: 'https://example.com/connect', elicitationId: 'e1' });
    const id = desk.list()[0]?.id ?? '';
    expect(() => desk.answer({ id, result: { action: 'accept', content: { token: 'x' } } })).toThrow(/accepted without content/);
    desk.answer({ id, result: { action: 'accept' } });
    await expect(answered).resolves.toEqual({ action: 'accept' });
  });

  it('answers a rejection: an error with code -1 for sampling, decline for elicitation', async () => {
    const { desk, ask } = setUp();
    desk.attachWindow();
    const sampling = ask('sampling/createMessage', SAMPLING_PARAMS);
    const elicitation = ask('elicitation/create', FORM_PARAMS);
    const [first, second] = desk.list();
    desk.answer({ id: first?.id ?? '', reject: 'not today' });
    desk.answer({ id: second?.id ?? '', reject: '' });
    await expect(sampling).rejects.toMatchObject({ code: -1, message: 'User rejected sampling request: not today' });
    await expect(elicitation).resolves.toEqual({ action: 'decline' });
  });

  it('times out unanswered: a clear error for sampling, cancel for elicitation, with a warning', async () => {
    vi.useFakeTimers();
    const { desk, logs, ask } = setUp(1_000);
    desk.attachWindow();
    const sampling = ask('sampling/createMessage', SAMPLING_PARAMS);
    const elicitation = ask('elicitation/create', FORM_PARAMS);
    sampling?.catch(() => {});
    await vi.advanceTimersByTimeAsync(999);
    expect(desk.list()).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    await expect(sampling).rejects.toMatchObject({ code: -32001, message: 'Nobody answered the sampling request in MCP Tray within 1 s.' });
    await expect(elicitation).resolves.toEqual({ action: 'cancel' });
    expect(desk.list()).toEqual([]);
    expect(logs.filter((entry) => entry.level === 'warn').map((entry) => entry.message)).toEqual([
      'sampling/createMessage timed out: nobody answered in MCP Tray within 1 s',
      'elicitation/create timed out: nobody answered in MCP Tray within 1 s',
    ]);
  });

  it('declines what waits once the last window has stayed closed for the grace: an error for sampling, decline for elicitation', async () => {
    vi.useFakeTimers();
    const { desk, changes, logs, ask } = setUp();
    const first = desk.attachWindow();
    const second = desk.attachWindow();
    const sampling = ask('sampling/createMessage', SAMPLING_PARAMS);
    const elicitation = ask('elicitation/create', FORM_PARAMS);
    sampling?.catch(() => {});
    first();
    await vi.advanceTimersByTimeAsync(GRACE_MS);
    expect(desk.list()).toHaveLength(2);
    second();
    await vi.advanceTimersByTimeAsync(GRACE_MS - 1);
    expect(desk.list()).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    await expect(sampling).rejects.toMatchObject({ code: -32600, message: 'Sampling is not available: the last MCP Tray window closed before anyone answered' });
    await expect(elicitation).resolves.toEqual({ action: 'decline' });
    expect(desk.list()).toEqual([]);
    expect(changes.at(-1)).toEqual([]);
    expect(logs.filter((entry) => entry.level === 'warn').map((entry) => entry.message)).toEqual([
      'sampling/createMessage declined: the last MCP Tray window closed before anyone answered',
      'elicitation/create declined: the last MCP Tray window closed before anyone answered',
    ]);
  });

  it('keeps what waits when a window opens again within the grace, as a reloaded page does', async () => {
    vi.useFakeTimers();
    const { desk, ask } = setUp();
    desk.attachWindow()();
    expect(ask('sampling/createMessage', SAMPLING_PARAMS)).toBeUndefined();
    const reloaded = desk.attachWindow();
    const answered = ask('sampling/createMessage', SAMPLING_PARAMS);
    reloaded();
    await vi.advanceTimersByTimeAsync(GRACE_MS - 1);
    desk.attachWindow();
    await vi.advanceTimersByTimeAsync(GRACE_MS * 10);
    const [waiting] = desk.list();
    desk.answer({ id: waiting?.id ?? '', result: REPLY });
    await expect(answered).resolves.toEqual(REPLY);
  });

  it('ends a request its server withdrew, which can then no longer be answered', async () => {
    const { desk, changes, abort, ask } = setUp();
    desk.attachWindow();
    const answered = ask('sampling/createMessage', SAMPLING_PARAMS);
    const id = desk.list()[0]?.id ?? '';
    abort.abort(new Error('cancelled by the server'));
    await expect(answered).rejects.toThrow('cancelled by the server');
    expect(desk.list()).toEqual([]);
    expect(changes.at(-1)).toEqual([]);
    expect(() => desk.answer({ id, result: REPLY })).toThrow(/no longer waiting/);
  });
});
