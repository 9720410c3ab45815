import { useMemo } from 'react';
import type { CallToolResult } from '../mcp-types';
import { checkOutput, describeOutputProblem } from './output-check';

/** Whether the structured content matches the tool's own outputSchema, with each failing path. */
export function OutputSchemaCheck({ outputSchema, result }: { outputSchema: unknown; result: CallToolResult }) {
  const check = useMemo(() => checkOutput(outputSchema, result), [outputSchema, result]);
  if (check.status === 'none' || check.status === 'skipped') return null;
  if (check.status === 'pass') {
    return (
      <p className="pg-output-check pg-output-check-pass" data-testid="output-check" data-status="pass">
        ✓ Structured content matches the tool's output schema.
      </p>
    );
  }
  return (
    <div className="pg-output-check pg-output-check-fail" role="alert" data-testid="output-check" data-status="fail">
      <strong>✗ Structured content does not match the tool's output schema.</strong>
      <ul>
        {check.problems.map((problem, index) => (
          <li key={index} data-testid="output-problem">
            {problem.path === '' ? (
              describeOutputProblem(problem)
            ) : (
              <>
                <code>{problem.path}</code> {problem.message}
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
