/**
 * Checks a tool result's structuredContent against the tool's outputSchema, as MCP asks of a
 * client (2025-11-25, Server > Tools > Output Schema: "Clients SHOULD validate structured results
 * against this schema"), so a server that breaks its own schema is seen to.
 */
import { readSchema } from '../schema-form/json-schema';
import { formatPath, validateValue } from '../schema-form/schema-validation';

export interface OutputProblem {
  /** "place.lat", "days[2]"; empty for the whole value. */
  path: string;
  message: string;
}

export type OutputCheck =
  /** The tool declares no outputSchema: nothing to check. */
  | { status: 'none' }
  /** A tool error result need not match the schema (the SDK's client skips it as well). */
  | { status: 'skipped' }
  | { status: 'pass' }
  | { status: 'fail'; problems: OutputProblem[] };

interface CheckedResult {
  isError?: boolean | undefined;
  structuredContent?: Record<string, unknown> | undefined;
}

export function checkOutput(outputSchema: unknown, result: CheckedResult): OutputCheck {
  if (outputSchema === undefined || outputSchema === null) return { status: 'none' };
  if (result.isError === true) return { status: 'skipped' };
  if (result.structuredContent === undefined) {
    // A tool with an output schema MUST return structured results that conform to it (same section).
    return { status: 'fail', problems: [{ path: '', message: 'is missing: the tool declares an output schema but returned no structuredContent' }] };
  }
  const problems = validateValue(result.structuredContent, readSchema(outputSchema)).map((problem) => ({ path: formatPath(problem.path), message: problem.message }));
  return problems.length === 0 ? { status: 'pass' } : { status: 'fail', problems };
}

/** One problem as a sentence: "temperature must be a number". */
export function describeOutputProblem(problem: OutputProblem): string {
  return problem.path === '' ? `structuredContent ${problem.message}` : `${problem.path} ${problem.message}`;
}
