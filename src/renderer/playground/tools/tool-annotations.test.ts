import { describe, expect, it } from 'vitest';
import { annotationBadges, confirmationReason, needsConfirmation, toolTitle } from './tool-annotations';

describe('needsConfirmation', () => {
  it('follows the MCP defaults: only read-only or explicitly non-destructive tools run without asking', () => {
    expect(needsConfirmation({ readOnlyHint: true })).toBe(false);
    expect(needsConfirmation({ readOnlyHint: false, destructiveHint: false })).toBe(false);
    expect(needsConfirmation({ readOnlyHint: false, destructiveHint: true })).toBe(true);
    expect(needsConfirmation({ readOnlyHint: false })).toBe(true);
    expect(needsConfirmation({})).toBe(true);
    expect(needsConfirmation(undefined)).toBe(true);
    // A read-only tool cannot destroy anything, whatever destructiveHint says.
    expect(needsConfirmation({ readOnlyHint: true, destructiveHint: true })).toBe(false);
  });
});

describe('confirmationReason', () => {
  it('tells a tool that says it is destructive from one that says nothing', () => {
    expect(confirmationReason({ destructiveHint: true })).toBe('destructive');
    expect(confirmationReason({ readOnlyHint: false, destructiveHint: true, openWorldHint: true })).toBe('destructive');
    expect(confirmationReason(undefined)).toBe('unstated');
    expect(confirmationReason({})).toBe('unstated');
    expect(confirmationReason({ openWorldHint: true })).toBe('unstated');
    expect(confirmationReason({ readOnlyHint: true })).toBeNull();
    expect(confirmationReason({ destructiveHint: false })).toBeNull();
  });
});

describe('annotationBadges', () => {
  it('shows what a read-only web lookup is', () => {
    const badges = annotationBadges({ readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true });
    expect(badges.map((badge) => badge.kind)).toEqual(['read-only', 'idempotent', 'open-world']);
  });

  it('marks a destructive tool, and says when that is only assumed', () => {
    expect(annotationBadges({ readOnlyHint: false, destructiveHint: true })).toMatchObject([{ kind: 'destructive', assumed: false }]);
    expect(annotationBadges(undefined)).toMatchObject([{ kind: 'destructive', assumed: true }]);
    expect(annotationBadges({ readOnlyHint: false, destructiveHint: false })).toEqual([]);
  });
});

describe('toolTitle', () => {
  it('prefers the tool title, then the annotations title', () => {
    const inputSchema = { type: 'object' as const };
    expect(toolTitle({ name: 'a', title: 'A', annotations: { title: 'B' }, inputSchema })).toBe('A');
    expect(toolTitle({ name: 'a', annotations: { title: 'B' }, inputSchema })).toBe('B');
    expect(toolTitle({ name: 'a', inputSchema })).toBeUndefined();
  });
});
