import { useId, useMemo } from 'react';
import type { FormModel } from './form-model';
import type { FormValue } from './form-values';
import { ObjectFields } from './ObjectFieldEditor';
import { SchemaField } from './SchemaField';
import { SchemaFormContext, type SchemaFormContextValue } from './schema-form-context';
import { pathKey, type ValidationProblem } from './schema-validation';
import { useTouchedFields } from './use-touched-fields';

interface SchemaFormProps {
  model: FormModel;
  value: FormValue;
  onChange: (value: FormValue) => void;
  problems: readonly ValidationProblem[];
  /** Show every problem, not only those of fields already left (after a run was tried). */
  showAllProblems: boolean;
  disabled?: boolean;
}

/** The form generated from a tool's input schema. */
export function SchemaForm({ model, value, onChange, problems, showAllProblems, disabled = false }: SchemaFormProps) {
  const idPrefix = useId();
  const { touched, markTouched } = useTouchedFields();

  const byPath = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const problem of problems) {
      const key = pathKey(problem.path);
      map.set(key, [...(map.get(key) ?? []), problem.message]);
    }
    return map;
  }, [problems]);

  const context = useMemo<SchemaFormContextValue>(
    () => ({
      idPrefix,
      problemsAt: (path) => {
        const key = pathKey(path);
        return showAllProblems || touched.has(key) ? (byPath.get(key) ?? []) : [];
      },
      markTouched,
      disabled,
    }),
    [idPrefix, byPath, showAllProblems, touched, markTouched, disabled],
  );

  const { root } = model;
  return (
    <SchemaFormContext.Provider value={context}>
      {root.kind === 'object' ? (
        root.properties.length === 0 ? (
          <p className="muted pg-no-arguments">This tool takes no arguments.</p>
        ) : (
          <ObjectFields field={root} path={[]} value={value} onChange={onChange} />
        )
      ) : (
        <SchemaField field={root} label="arguments" path={[]} required value={value} onChange={onChange} />
      )}
    </SchemaFormContext.Provider>
  );
}
