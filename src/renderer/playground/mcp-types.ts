/**
 * The MCP shapes the playground renders, taken from the contract so they always match what the
 * manager validated (the renderer imports nothing from the SDK directly).
 */
import type { MethodResult } from '../../shared/contract';

export type Tool = MethodResult<'tools.list'>['tools'][number];
export type ToolAnnotations = NonNullable<Tool['annotations']>;
export type ToolCallResponse = MethodResult<'tools.call'>;
export type CallToolResult = ToolCallResponse['result'];
export type ContentBlock = CallToolResult['content'][number];
export type Resource = MethodResult<'resources.list'>['resources'][number];
export type ResourceTemplate = MethodResult<'resources.list'>['resourceTemplates'][number];
export type ResourceContents = MethodResult<'resources.read'>['contents'][number];
export type Prompt = MethodResult<'prompts.list'>['prompts'][number];
export type PromptMessage = MethodResult<'prompts.get'>['messages'][number];
export type ToolArguments = Record<string, unknown>;
