import { useState } from 'react';
import { isRecord } from '../schema-form/json-schema';

// Beyond this many children a node shows a "show all" button: a 10,000-item list should not freeze the page.
const CHILDREN_SHOWN = 100;
// Nodes this deep start collapsed, so a large result opens to its outline.
const OPEN_DEPTH = 2;

function Primitive({ value }: { value: unknown }) {
  if (value === null) return <span className="pg-json-null">null</span>;
  if (typeof value === 'string') return <span className="pg-json-string">{JSON.stringify(value)}</span>;
  if (typeof value === 'number') return <span className="pg-json-number">{String(value)}</span>;
  if (typeof value === 'boolean') return <span className="pg-json-boolean">{String(value)}</span>;
  return <span className="pg-json-null">{String(value)}</span>;
}

function JsonNode({ name, value, depth }: { name: string | null; value: unknown; depth: number }) {
  const [showAll, setShowAll] = useState(false);
  const label = name === null ? null : <span className="pg-json-key">{name}: </span>;
  if (!Array.isArray(value) && !isRecord(value)) {
    return (
      <li className="pg-json-leaf">
        {label}
        <Primitive value={value} />
      </li>
    );
  }
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value);
  const shown = showAll ? entries : entries.slice(0, CHILDREN_SHOWN);
  const summary = Array.isArray(value) ? `[${entries.length} item${entries.length === 1 ? '' : 's'}]` : `{${entries.length} key${entries.length === 1 ? '' : 's'}}`;
  return (
    <li className="pg-json-branch">
      <details open={depth < OPEN_DEPTH}>
        <summary>
          {label}
          <span className="pg-json-summary">{summary}</span>
        </summary>
        <ul className="pg-json-children">
          {shown.map(([key, child]) => (
            <JsonNode key={key} name={key} value={child} depth={depth + 1} />
          ))}
          {entries.length > shown.length ? (
            <li>
              <button type="button" className="btn btn-ghost btn-small" onClick={() => setShowAll(true)}>
                Show all {entries.length}
              </button>
            </li>
          ) : null}
        </ul>
      </details>
    </li>
  );
}

/** A JSON value as a tree of collapsible objects and lists (native <details>, so keyboard works as is). */
export function JsonTree({ value, label }: { value: unknown; label: string }) {
  return (
    <ul className="pg-json-tree" aria-label={label}>
      <JsonNode name={null} value={value} depth={0} />
    </ul>
  );
}
