import { describe, expect, it } from 'vitest';
import { ContractErrorCodeSchema } from '../../../shared/contract';
import { failureTitleOf } from './failure-title';

describe('failureTitleOf', () => {
  it('blames the manager only when the manager could not be reached', () => {
    expect(failureTitleOf('manager_unreachable')).toBe('The manager is unavailable');
    expect(failureTitleOf('unavailable')).toBe('Something the manager needs is unavailable');
  });

  it('gives every error code its own title', () => {
    const titles = ContractErrorCodeSchema.options.map(failureTitleOf);
    expect(titles.every((title) => title.length > 0)).toBe(true);
    expect(new Set(titles).size).toBe(titles.length);
  });
});
