import { describe, expect, it } from 'vitest';
import { annotationFacts } from './content-annotations';

describe('content annotations', () => {
  it('reads audience, priority and lastModified in a fixed order', () => {
    const facts = annotationFacts({ lastModified: '2026-01-02T03:04:05.000Z', priority: 0.9, audience: ['user', 'assistant'] });
    expect(facts.map((fact) => fact.text)).toEqual(['for user and assistant', 'priority 0.9 (high)', 'modified 2026-01-02 03:04:05 UTC']);
    expect(facts.map((fact) => fact.raw)).toEqual(['["user","assistant"]', '0.9', '2026-01-02T03:04:05.000Z']);
  });

  it('words low priority and keeps a date it cannot read as sent', () => {
    expect(annotationFacts({ priority: 0, lastModified: 'yesterday' }).map((fact) => fact.text)).toEqual(['priority 0 (low)', 'modified yesterday']);
  });

  it('says nothing of absent or empty annotations', () => {
    expect(annotationFacts(undefined)).toEqual([]);
    expect(annotationFacts({ audience: [] })).toEqual([]);
  });
});
