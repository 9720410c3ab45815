import { describe, expect, it } from 'vitest';
import { checkOutput, describeOutputProblem } from './output-check';

const schema = {
  type: 'object',
  properties: { temperature: { type: 'number' }, days: { type: 'array', items: { type: 'object', properties: { high: { type: 'number' } }, required: ['high'] } } },
  required: ['temperature'],
};

describe('output schema check', () => {
  it('passes structured content that matches the schema', () => {
    expect(checkOutput(schema, { structuredContent: { temperature: 21.5, days: [{ high: 3 }] } })).toEqual({ status: 'pass' });
  });

  it('names every failing path', () => {
    const check = checkOutput(schema, { structuredContent: { temperature: 'warm', days: [{ high: 1 }, {}] } });
    expect(check.status).toBe('fail');
    const sentences = check.status === 'fail' ? check.problems.map(describeOutputProblem) : [];
    expect(sentences).toEqual(['temperature must be a number', 'days[1].high is required']);
  });

  it('fails a result that leaves out the structured content its schema promises', () => {
    const check = checkOutput(schema, { content: [] } as never);
    expect(check.status).toBe('fail');
    expect(check.status === 'fail' && describeOutputProblem(check.problems[0]!)).toMatch(/^structuredContent is missing/);
  });

  it('checks nothing for a tool without an output schema or for an error result', () => {
    expect(checkOutput(undefined, { structuredContent: { anything: 1 } })).toEqual({ status: 'none' });
    expect(checkOutput(schema, { isError: true })).toEqual({ status: 'skipped' });
  });
});
