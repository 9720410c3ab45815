import type { McpServer, ServerContext } from '@modelcontextprotocol/server';
import { deferredSchema } from '../kit/deferred-schema';
import { SDK_JSON_SCHEMA_TARGET } from '../kit/tool-schema';
import { runGitHubTool, type GitHubTool, type GitHubToolContext } from './tool-definition';

type JsonSchema = Record<string, unknown>;

/** What `tools/list` says of a GitHub tool, without the zod schemas it is checked with. */
export interface GitHubToolCard {
  name: string;
  title: string;
  description: string;
  annotations: GitHubTool['config']['annotations'];
  writes: boolean;
  needsToken: boolean;
  inputSchema: JsonSchema;
  outputSchema?: JsonSchema;
}

// scripts/build-servers.mjs embeds the cards of every tool, as JSON text.
declare const __GITHUB_TOOL_CARDS__: string;

export function cardOf(tool: GitHubTool): GitHubToolCard {
  const { title, description, annotations, inputSchema, outputSchema } = tool.config;
  const options = { target: SDK_JSON_SCHEMA_TARGET };
  return {
    name: tool.name,
    title,
    description,
    annotations,
    writes: tool.writes,
    needsToken: tool.needsToken,
    inputSchema: inputSchema['~standard'].jsonSchema.input(options),
    ...(outputSchema ? { outputSchema: outputSchema['~standard'].jsonSchema.output(options) } : {}),
  };
}

/** Every tool's zod schemas and code: built on the first call, never for a start that only lists. */
export const loadGitHubTools = (() => {
  let loading: Promise<ReadonlyMap<string, GitHubTool>> | undefined;
  return () => (loading ??= import('./tools/all-tools').then(({ GITHUB_TOOLS }) => new Map(GITHUB_TOOLS.map((tool) => [tool.name, tool]))));
})();

/** The cards the build embedded; run from source (tests), they are made from the tools themselves. */
export async function gitHubToolCards(): Promise<readonly GitHubToolCard[]> {
  if (typeof __GITHUB_TOOL_CARDS__ !== 'undefined') return JSON.parse(__GITHUB_TOOL_CARDS__) as GitHubToolCard[];
  return [...(await loadGitHubTools()).values()].map(cardOf);
}

/**
 * Registers each tool from its card: `tools/list` is answered from the cards, and the tool's own
 * schemas and code load on its first call. Read-only mode leaves out the tools that write. What it
 * registers is built here once, so each server instance (one per HTTP request) only registers it.
 */
export function gitHubToolRegistrar(context: GitHubToolContext, cards: readonly GitHubToolCard[]): (server: McpServer) => void {
  const registrations = cards
    .filter((card) => !(card.writes && context.config.readOnly))
    .map((card) => {
      const tool = async () => {
        const loaded = (await loadGitHubTools()).get(card.name);
        if (!loaded) throw new Error(`The GitHub tool "${card.name}" is listed but was not built; rebuild the server.`);
        return loaded;
      };
      const outputSchema = card.outputSchema
        ? deferredSchema(card.outputSchema, async () => {
            const { outputSchema: schema } = (await tool()).config;
            if (!schema) throw new Error(`The GitHub tool "${card.name}" lost its output schema; rebuild the server.`);
            return schema;
          })
        : undefined;
      const config = {
        title: card.title,
        description: card.description,
        annotations: card.annotations,
        inputSchema: deferredSchema(card.inputSchema, async () => (await tool()).config.inputSchema),
        ...(outputSchema ? { outputSchema } : {}),
      };
      const handler = (args: Record<string, unknown>, ctx: ServerContext) => runGitHubTool(card, async () => (await tool()).call(args, context), context, ctx);
      return { name: card.name, config, handler };
    });
  return (server) => {
    for (const { name, config, handler } of registrations) server.registerTool(name, config, handler);
  };
}
