import { CreateMessageResultSchema, ElicitResultSchema, type Result } from '@modelcontextprotocol/sdk/types.js';
import { CfWorkerJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/cfworker';
import type { JsonSchemaType } from '@modelcontextprotocol/sdk/validation';
import { ContractError, describeValidationError } from '../../shared/contract';
import type { PendingServerRequest } from '../../shared/server-requests-contract';

// Every failing field at once, so the person fixes the form in one go.
const validator = new CfWorkerJsonSchemaValidator({ shortcircuit: false });

/**
 * A person's answer checked against what the request's method expects: a sampling result, or an
 * elicitation result whose accepted form content matches the schema the server asked for (MCP
 * 2025-11-25, Client > Elicitation > Form Mode Security: clients SHOULD validate responses against
 * the provided schema). Throws a ContractError that says what is wrong.
 */
export function checkedAnswer(request: PendingServerRequest, result: Record<string, unknown>): Result {
  if (request.method === 'sampling/createMessage') {
    const parsed = CreateMessageResultSchema.safeParse(result);
    if (!parsed.success) throw new ContractError('invalid_input', `This is not a sampling reply: ${describeValidationError(parsed.error)}. Give the reply's text, the model and the role "assistant".`);
    return parsed.data;
  }
  const parsed = ElicitResultSchema.safeParse(result);
  if (!parsed.success) throw new ContractError('invalid_input', `This is not an elicitation answer: ${describeValidationError(parsed.error)}. Answer with accept, decline or cancel.`);
  const answer = parsed.data;
  if (answer.action !== 'accept') return { action: answer.action };
  if (request.params.mode === 'url') {
    if (answer.content !== undefined) throw new ContractError('invalid_input', 'A URL request is accepted without content: what the person enters goes to the page, not to the server.');
    return answer;
  }
  const content = answer.content ?? {};
  const check = validator.getValidator(request.params.requestedSchema as JsonSchemaType)(content);
  if (!check.valid) throw new ContractError('invalid_input', `The form does not match what the server asked for: ${check.errorMessage}`);
  return { action: 'accept', content };
}
