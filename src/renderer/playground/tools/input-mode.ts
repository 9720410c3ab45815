/**
 * The two ways to enter a tool's arguments (the generated form, or JSON text) and what each means
 * for running: the form must be valid; JSON must parse to an object, and schema problems there are
 * warnings, so a developer can still send what the form would not (to test the server's checks).
 */
import { argumentsOutsideForm, argumentsToForm, formToArguments } from '../schema-form/form-arguments';
import type { FormModel } from '../schema-form/form-model';
import { initialFormValue, type FormValue } from '../schema-form/form-values';
import { isRecord } from '../schema-form/json-schema';
import { parseJsonText, type JsonTextError } from '../schema-form/json-text';
import type { ToolArguments } from '../mcp-types';
import { validateValue, type ValidationProblem } from '../schema-form/schema-validation';
import type { InputMode } from './tool-input-store';

export interface ToolInput {
  mode: InputMode;
  formValue: FormValue;
  jsonText: string;
}

export interface PreparedCall {
  /** What Run would send; null when it cannot be sent at all. */
  arguments: ToolArguments | null;
  problems: ValidationProblem[];
  parseError: JsonTextError | null;
  /** Run is refused until these are fixed. */
  blocking: boolean;
}

export function argumentsJson(args: ToolArguments): string {
  return JSON.stringify(args, null, 2);
}

export function initialToolInput(model: FormModel): ToolInput {
  const formValue = initialFormValue(model.root);
  return { mode: 'form', formValue, jsonText: argumentsJson(formToArguments(model, formValue).arguments) };
}

export function prepareCall(model: FormModel, input: ToolInput): PreparedCall {
  if (input.mode === 'form') {
    const { arguments: args, problems } = formToArguments(model, input.formValue);
    return { arguments: args, problems, parseError: null, blocking: problems.length > 0 };
  }
  const parsed = parseJsonText(input.jsonText);
  if (!parsed.ok) return { arguments: null, problems: [], parseError: parsed.error, blocking: true };
  if (!isRecord(parsed.value)) {
    return { arguments: null, problems: [{ path: [], message: 'must be a JSON object of named arguments' }], parseError: null, blocking: true };
  }
  return { arguments: parsed.value, problems: validateValue(parsed.value, model.schema), parseError: null, blocking: false };
}

/** The input in the other mode, carrying the arguments across; or why it cannot switch. */
export function switchMode(model: FormModel, input: ToolInput, mode: InputMode): { input: ToolInput } | { error: string } {
  if (mode === input.mode) return { input };
  if (mode === 'json') {
    return { input: { ...input, mode, jsonText: argumentsJson(formToArguments(model, input.formValue).arguments) } };
  }
  const parsed = parseJsonText(input.jsonText);
  if (!parsed.ok) return { error: `Fix the JSON first (${parsed.error.message}), or stay in JSON mode.` };
  if (!isRecord(parsed.value)) return { error: 'The JSON must be an object of named arguments to show it as a form.' };
  const outside = argumentsOutsideForm(model, parsed.value);
  if (outside.length > 0) {
    return { error: `The form has no field for ${outside.join(', ')}; remove ${outside.length === 1 ? 'it' : 'them'} from the JSON or stay in JSON mode.` };
  }
  return { input: { ...input, mode, formValue: argumentsToForm(model, parsed.value) } };
}

/** Shows past arguments (from history) in whichever mode fits them. */
export function loadArguments(model: FormModel, input: ToolInput, args: ToolArguments): ToolInput {
  const jsonText = argumentsJson(args);
  const fitsForm = model.root.kind === 'object' && argumentsOutsideForm(model, args).length === 0;
  return { mode: fitsForm ? input.mode : 'json', formValue: argumentsToForm(model, args), jsonText };
}
