import { describe, expect, it } from 'vitest';
import { mcpErrorText } from './mcp-error-text';

describe('mcpErrorText', () => {
  it('says the "MCP error <code>:" prefix once', () => {
    expect(mcpErrorText(new Error('MCP error -32000: MCP error -32000: Connection closed'))).toBe('MCP error -32000: Connection closed');
    expect(mcpErrorText(new Error('MCP error -32602: MCP error -32602: MCP error -32602: Resource x not found'))).toBe('MCP error -32602: Resource x not found');
  });

  it('leaves any other text as it is', () => {
    expect(mcpErrorText(new Error('MCP error -32001: Request timed out'))).toBe('MCP error -32001: Request timed out');
    expect(mcpErrorText('plain words')).toBe('plain words');
  });
});
