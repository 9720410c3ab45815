/**
 * The playground's long-lived state, shared by every server page of the window: call history and
 * typed inputs (in localStorage) and one call runner per server (so calls outlive the tab).
 */
import type { ApiClient } from '../../api/api-client';
import { CallHistoryStore } from '../history/call-history';
import { browserStorage, type KeyValueStorage } from '../key-value-storage';
import { ToolCallRunner } from './tool-call-runner';
import { ToolInputStore } from './tool-input-store';

let storage: KeyValueStorage | null = null;
let history: CallHistoryStore | null = null;
let inputs: ToolInputStore | null = null;
const runners = new WeakMap<ApiClient, Map<string, ToolCallRunner>>();

// Created on first use, not at import: storage is only touched once the playground is shown.
function sharedStorage(): KeyValueStorage {
  storage ??= browserStorage();
  return storage;
}

export function callHistoryStore(): CallHistoryStore {
  history ??= new CallHistoryStore(sharedStorage());
  return history;
}

export function toolInputStore(): ToolInputStore {
  inputs ??= new ToolInputStore(sharedStorage());
  return inputs;
}

export function toolCallRunner(api: ApiClient, serverId: string): ToolCallRunner {
  let byServer = runners.get(api);
  if (!byServer) {
    byServer = new Map();
    runners.set(api, byServer);
  }
  let runner = byServer.get(serverId);
  if (!runner) {
    runner = new ToolCallRunner(api, callHistoryStore(), serverId);
    byServer.set(serverId, runner);
  }
  return runner;
}
