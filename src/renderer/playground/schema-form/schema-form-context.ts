import { createContext, useContext } from 'react';
import type { ValuePath } from './schema-validation';

export interface SchemaFormContextValue {
  /** Unique per form, so two forms on a page never share element ids. */
  idPrefix: string;
  /** The problems to show at this exact path (empty until the field was left or a run was tried). */
  problemsAt: (path: ValuePath) => readonly string[];
  markTouched: (path: ValuePath) => void;
  disabled: boolean;
}

export const SchemaFormContext = createContext<SchemaFormContextValue>({
  idPrefix: 'field',
  problemsAt: () => [],
  markTouched: () => undefined,
  disabled: false,
});

export function useSchemaForm(): SchemaFormContextValue {
  return useContext(SchemaFormContext);
}

/** An element id for the field at `path`, safe for htmlFor and aria attributes. */
export function fieldId(prefix: string, path: ValuePath): string {
  const tail = path.length === 0 ? 'root' : path.map((segment) => String(segment).replace(/[^A-Za-z0-9_-]/g, '_')).join('-');
  return `${prefix}-${tail}`;
}
