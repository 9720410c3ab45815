import type { ReactNode } from 'react';

interface StateProps {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  testId?: string;
}

/** Nothing to show yet: says why and offers the next step. */
export function EmptyState({ title, children, action, testId }: StateProps) {
  return (
    <div className="state-panel" data-testid={testId}>
      <h3>{title}</h3>
      {children ? <div className="state-panel-body">{children}</div> : null}
      {action ? <div className="state-panel-action">{action}</div> : null}
    </div>
  );
}

/** A failed load: what went wrong in the manager's words, and a way to try again. */
export function ErrorState({ title, children, action, testId }: StateProps) {
  return (
    <div className="state-panel state-panel-error" role="alert" data-testid={testId}>
      <h3>{title}</h3>
      {children ? <div className="state-panel-body">{children}</div> : null}
      {action ? <div className="state-panel-action">{action}</div> : null}
    </div>
  );
}

/** Loading, with placeholder rows of the final height so nothing jumps when data arrives. */
export function LoadingRows({ rows = 3, label, height = 44 }: { rows?: number; label: string; height?: number }) {
  return (
    <div className="loading-rows" role="status" aria-label={label}>
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} className="skeleton" style={{ height }} />
      ))}
    </div>
  );
}

export function InlineError({ message, id }: { message: string | null | undefined; id?: string }) {
  if (!message) return null;
  return (
    <p className="inline-error" role="alert" id={id}>
      {message}
    </p>
  );
}
