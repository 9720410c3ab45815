/**
 * How deeply an input may nest. Walking or serialising a value recurses (zod, JSON.stringify, the
 * SDK), so an input thousands of levels deep would overflow the stack somewhere past the boundary.
 * Checked without recursion, before anything else looks at the input. 100 levels is far beyond any
 * real tool's arguments.
 */
export const MAX_INPUT_DEPTH = 100;

/** The top-level field under which the input nests deeper than `maxDepth`, '' for the root itself; undefined when it does not. */
export function fieldNestedTooDeep(input: unknown, maxDepth = MAX_INPUT_DEPTH): string | undefined {
  const pending: Array<{ value: unknown; depth: number; field: string }> = [{ value: input, depth: 0, field: '' }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, depth, field } = next;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= maxDepth) return field;
    const container = value as Record<string, unknown>;
    for (const key of Object.keys(container)) {
      const item = container[key];
      if (typeof item === 'object' && item !== null) pending.push({ value: item, depth: depth + 1, field: depth === 0 ? key : field });
    }
  }
  return undefined;
}
