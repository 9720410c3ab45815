import type { Tool } from '@modelcontextprotocol/sdk/types.js';

/**
 * Which of a server's tools a client that comes through the bridge is shown and may call: tools
 * turned off for every client or for that one, and tools whose definitions changed since the user
 * approved them, held back until approved again.
 */
export interface ToolExposure {
  /** The tools this client is shown, in the server's order. */
  visible(serverId: string, client: string, tools: readonly Tool[]): Tool[];
  /**
   * Why this client may not call the tool, in a sentence that says how to allow it; undefined when
   * it may. `definition` is the tool as the client's own process lists it, when it does. Asked as
   * the client calls the tool: a refusal counts as a refused call.
   */
  refusal(serverId: string, client: string, tool: string, definition?: Tool): string | undefined;
  /** A client connected to the server: it becomes one of the names to choose from. */
  noteClient(serverId: string, client: string): void;
  /** What some client of the server is shown may have changed; the listener tells the sessions. */
  onChange(listener: (serverId: string) => void): () => void;
}

/** Every tool shown to everyone: a lone hub in tests, or before the switches and pins are loaded. */
export const EVERY_TOOL_EXPOSED: ToolExposure = {
  visible: (_serverId, _client, tools) => [...tools],
  refusal: () => undefined,
  noteClient: () => {},
  onChange: () => () => {},
};
