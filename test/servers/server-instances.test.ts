import type { McpRequestContext, McpServer, McpServerFactory } from '@modelcontextprotocol/server';
import { describe, expect, it } from 'vitest';
import { createServerLogger } from '../../src/servers/kit/logger';
import { readGitHubConfig } from '../../src/servers/github/config';
import { createGitHubRuntime, gitHubServerFactory } from '../../src/servers/github/server';
import { gitHubToolCards } from '../../src/servers/github/tool-cards';
import { readWeatherConfig } from '../../src/servers/weather/config';
import { createWeatherRuntime, weatherServerFactory } from '../../src/servers/weather/server';

interface RegisteredParts {
  _registeredTools: Record<string, { inputSchema?: object; outputSchema?: object; annotations?: object; description?: string }>;
  _registeredPrompts: Record<string, { argsSchema?: object }>;
}

/** HTTP mode builds a server instance per request: each must reuse the tool definitions built once per process. */
function expectSharedDefinitions(first: McpServer, second: McpServer): void {
  const a = first as unknown as RegisteredParts;
  const b = second as unknown as RegisteredParts;
  expect(Object.keys(a._registeredTools).length).toBeGreaterThan(0);
  for (const [name, tool] of Object.entries(a._registeredTools)) {
    const other = b._registeredTools[name]!;
    expect(other.inputSchema, name).toBe(tool.inputSchema);
    expect(other.outputSchema, name).toBe(tool.outputSchema);
    expect(other.annotations, name).toBe(tool.annotations);
  }
  for (const [name, prompt] of Object.entries(a._registeredPrompts)) expect(b._registeredPrompts[name]!.argsSchema, name).toBe(prompt.argsSchema);
}

/** Two instances as HTTP mode builds them; the factories here ignore the request they are built for. */
function twoInstances(factory: McpServerFactory): [McpServer, McpServer] {
  const build = () => factory({} as McpRequestContext) as McpServer;
  return [build(), build()];
}

describe('server instances over one runtime', () => {
  const logger = createServerLogger('test', { level: 'silent' });

  it('weather: every instance registers the same schemas, built once', () => {
    const factory = weatherServerFactory(createWeatherRuntime(readWeatherConfig({}), logger));
    expectSharedDefinitions(...twoInstances(factory));
  });

  it('github: every instance registers the same schemas, built once', async () => {
    const factory = gitHubServerFactory(createGitHubRuntime(readGitHubConfig({}), logger), await gitHubToolCards());
    expectSharedDefinitions(...twoInstances(factory));
  });
});
