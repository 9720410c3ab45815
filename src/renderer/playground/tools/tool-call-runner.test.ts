import { describe, expect, it } from 'vitest';
import type { EventName, EventPayload, MethodInput, MethodName, MethodResult } from '../../../shared/contract';
import { ApiError } from '../../api/api-client';
import { CallHistoryStore } from '../history/call-history';
import { MemoryStorage } from '../key-value-storage';
import type { ToolArguments, ToolCallResponse } from '../mcp-types';
import { summarizeResult, ToolCallRunner, type ToolCallApi } from './tool-call-runner';

interface PendingCall {
  input: { serverId: string; name: string; arguments: ToolArguments; callId: string };
  resolve: (response: ToolCallResponse) => void;
  reject: (error: Error) => void;
}

/** A manager stand-in whose calls finish when the test says so. */
class FakePort implements ToolCallApi {
  readonly pending: PendingCall[] = [];
  readonly cancelled: string[] = [];
  private progressListeners = new Set<(event: EventPayload<'call.progress'>) => void>();

  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
    if (method === 'tools.call') return this.callTool(input as PendingCall['input']) as Promise<MethodResult<M>>;
    if (method === 'calls.cancel') return this.cancelCall((input as MethodInput<'calls.cancel'>).callId) as Promise<MethodResult<M>>;
    throw new Error(`${method} is not in this fake`);
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    if (event !== 'call.progress') throw new Error(`${event} is not in this fake`);
    const progressListener = listener as (event: EventPayload<'call.progress'>) => void;
    this.progressListeners.add(progressListener);
    return () => this.progressListeners.delete(progressListener);
  }

  private callTool(input: PendingCall['input']): Promise<ToolCallResponse> {
    return new Promise((resolve, reject) => this.pending.push({ input, resolve, reject }));
  }

  private async cancelCall(callId: string): Promise<MethodResult<'calls.cancel'>> {
    this.cancelled.push(callId);
    const call = this.pending.find((pending) => pending.input.callId === callId);
    call?.reject(new ApiError('cancelled', 'The call to slow was cancelled.'));
    return { cancelled: call !== undefined };
  }

  emitProgress(event: EventPayload<'call.progress'>): void {
    for (const listener of this.progressListeners) listener(event);
  }

  get listenerCount(): number {
    return this.progressListeners.size;
  }
}

function setup() {
  const port = new FakePort();
  const history = new CallHistoryStore(new MemoryStorage());
  let ids = 0;
  let clock = 1_714_564_800_000;
  const runner = new ToolCallRunner(port, history, 'weather', { newCallId: () => `call-${(ids += 1)}`, now: () => clock });
  return { port, history, runner, advance: (ms: number) => (clock += ms) };
}

const textResult = (text: string, isError = false): ToolCallResponse['result'] => ({ content: [{ type: 'text', text }], isError });

describe('ToolCallRunner', () => {
  it('runs a call with its own call id and records the result and history', async () => {
    const { port, history, runner } = setup();
    const done = runner.run('get_weather', { location: 'Berlin' });
    expect(runner.state('get_weather')).toMatchObject({ status: 'running', callId: 'call-1', arguments: { location: 'Berlin' } });
    expect(port.pending[0]?.input).toEqual({ serverId: 'weather', name: 'get_weather', arguments: { location: 'Berlin' }, callId: 'call-1' });
    port.pending[0]?.resolve({ callId: 'call-1', durationMs: 42, result: textResult('Sunny in Berlin\nmore') });
    await done;
    expect(runner.state('get_weather')).toMatchObject({ status: 'done', durationMs: 42 });
    expect(history.list('weather', 'get_weather')).toEqual([
      { id: 'call-1', at: '2024-05-01T12:00:00.000Z', arguments: { location: 'Berlin' }, outcome: 'ok', summary: 'Sunny in Berlin', durationMs: 42 },
    ]);
  });

  it('shows progress for its own call only', async () => {
    const { port, runner } = setup();
    const done = runner.run('slow', {});
    port.emitProgress({ callId: 'someone-else', serverId: 'weather', progress: 9 });
    port.emitProgress({ callId: 'call-1', serverId: 'weather', progress: 3, total: 10, message: 'working' });
    expect(runner.state('slow')).toMatchObject({ status: 'running', progress: { progress: 3, total: 10, message: 'working' } });
    port.pending[0]?.resolve({ callId: 'call-1', durationMs: 1, result: textResult('ok') });
    await done;
    port.emitProgress({ callId: 'call-1', serverId: 'weather', progress: 10, total: 10 });
    expect(runner.state('slow').status).toBe('done');
  });

  it('cancels through the manager and records the cancellation', async () => {
    const { port, history, runner, advance } = setup();
    const done = runner.run('slow', { n: 1 });
    advance(250);
    await runner.cancel('slow');
    await done;
    expect(port.cancelled).toEqual(['call-1']);
    expect(runner.state('slow')).toMatchObject({ status: 'failed', code: 'cancelled', message: 'The call to slow was cancelled.', durationMs: 250 });
    expect(history.list('weather', 'slow')[0]).toMatchObject({ outcome: 'failed', errorCode: 'cancelled', durationMs: 250 });
  });

  it('keeps the contract error code of a failure', async () => {
    const { port, runner } = setup();
    const done = runner.run('get_weather', {});
    port.pending[0]?.reject(new ApiError('not_running', 'Server "weather" is stopped. Start it first.'));
    await done;
    expect(runner.state('get_weather')).toMatchObject({ status: 'failed', code: 'not_running' });
    const other = runner.run('other', {});
    port.pending[1]?.reject(new Error('network down'));
    await other;
    expect(runner.state('other')).toMatchObject({ status: 'failed', code: 'failed', message: 'network down' });
  });

  it('records tool errors as errors', async () => {
    const { port, history, runner } = setup();
    const done = runner.run('get_weather', { location: 'Nowhere' });
    port.pending[0]?.resolve({ callId: 'call-1', durationMs: 5, result: textResult('No place called "Nowhere".', true) });
    await done;
    expect(history.list('weather', 'get_weather')[0]).toMatchObject({ outcome: 'error', summary: 'No place called "Nowhere".' });
  });

  it('runs one call per tool at a time, and tools independently', async () => {
    const { port, runner } = setup();
    void runner.run('a', {});
    void runner.run('a', {});
    void runner.run('b', {});
    expect(port.pending.map((call) => call.input.name)).toEqual(['a', 'b']);
  });

  it('tells subscribers about changes and stops listening for progress when disposed', async () => {
    const { port, runner } = setup();
    let changes = 0;
    runner.subscribe(() => (changes += 1));
    const done = runner.run('a', {});
    expect(port.listenerCount).toBe(1);
    port.pending[0]?.resolve({ callId: 'call-1', durationMs: 1, result: textResult('ok') });
    await done;
    expect(changes).toBe(2);
    runner.dismiss('a');
    expect(runner.state('a').status).toBe('idle');
    runner.dispose();
    expect(port.listenerCount).toBe(0);
  });
});

describe('summarizeResult', () => {
  it('uses the first text, else names the content', () => {
    expect(summarizeResult(textResult('line one\nline two'))).toBe('line one');
    expect(summarizeResult({ content: [{ type: 'image', data: 'AAAA', mimeType: 'image/png' }] })).toBe('image');
    expect(summarizeResult({ content: [], structuredContent: { a: 1 } })).toBe('structured content');
    expect(summarizeResult({ content: [{ type: 'resource_link', uri: 'x://a', name: 'a' }] })).toBe('resource link');
  });
});
