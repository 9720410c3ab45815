import type { McpRequestContext, McpServer, McpServerFactory } from '@modelcontextprotocol/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGitHubConfig } from '../../src/servers/github/config';
import { createGitHubRuntime, gitHubServerFactory } from '../../src/servers/github/server';
import { gitHubToolCards } from '../../src/servers/github/tool-cards';
import { createServerLogger } from '../../src/servers/kit/logger';
import { SDK_JSON_SCHEMA_TARGET } from '../../src/servers/kit/tool-schema';
import { readWeatherConfig } from '../../src/servers/weather/config';
import { createWeatherRuntime, weatherServerFactory } from '../../src/servers/weather/server';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github';
import { startGitHubServer } from './fixtures/github-harness';
import { startWeatherHarness } from './fixtures/weather-harness';

interface ListedTool {
  name: string;
  inputSchema: unknown;
  outputSchema?: unknown;
}

type Converter = (options: { target: string }) => Record<string, unknown>;
interface RegisteredTools {
  _registeredTools: Record<string, { inputSchema: { '~standard': { jsonSchema: { input: Converter } } }; outputSchema?: { '~standard': { jsonSchema: { output: Converter } } } }>;
}

/** What the sources convert to now, as the SDK lists it. */
function convertedFromSource(factory: McpServerFactory): Map<string, { inputSchema: unknown; outputSchema?: unknown }> {
  const server = factory({} as McpRequestContext) as McpServer;
  const tools = (server as unknown as RegisteredTools)._registeredTools;
  return new Map(
    Object.entries(tools).map(([name, tool]) => [
      name,
      {
        inputSchema: { type: 'object', ...tool.inputSchema['~standard'].jsonSchema.input({ target: SDK_JSON_SCHEMA_TARGET }) },
        ...(tool.outputSchema ? { outputSchema: tool.outputSchema['~standard'].jsonSchema.output({ target: SDK_JSON_SCHEMA_TARGET }) } : {}),
      },
    ]),
  );
}

function expectSameSchemas(listed: ListedTool[], fromSource: Map<string, { inputSchema: unknown; outputSchema?: unknown }>): void {
  expect(listed.map((tool) => tool.name).sort()).toEqual([...fromSource.keys()].sort());
  for (const tool of listed) {
    const expected = fromSource.get(tool.name)!;
    expect(tool.inputSchema, tool.name).toEqual(expected.inputSchema);
    expect(tool.outputSchema, tool.name).toEqual(expected.outputSchema);
  }
}

// The built servers list JSON Schemas converted at build time: they must be exactly what the sources convert to.
describe('the JSON Schemas the built servers list', () => {
  const logger = createServerLogger('test', { level: 'silent' });
  let fake: FakeGitHub;

  beforeAll(async () => {
    fake = await startFakeGitHub();
  });
  afterAll(async () => {
    await fake.close();
  });

  it('weather: are what its sources convert to', async () => {
    const harness = await startWeatherHarness();
    try {
      const { tools } = await harness.server.client.listTools();
      expectSameSchemas(tools, convertedFromSource(weatherServerFactory(createWeatherRuntime(readWeatherConfig({}), logger))));
    } finally {
      await harness.close();
    }
  });

  it('github: are what its sources convert to', async () => {
    const server = await startGitHubServer(fake);
    try {
      const { tools } = await server.client.listTools();
      expectSameSchemas(tools, convertedFromSource(gitHubServerFactory(createGitHubRuntime(readGitHubConfig({}), logger), await gitHubToolCards())));
    } finally {
      await server.close();
    }
  });
});
