import type { ReactNode } from 'react';

interface ContentFrameProps {
  /** What the block is: "text", "image", "resource link"... */
  kind: string;
  /** Facts next to the kind: MIME type, size, URI. */
  details?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  contentType: string;
}

/** One block of content with a header saying what it is, so several blocks in a result stay apart. */
export function ContentFrame({ kind, details, actions, children, contentType }: ContentFrameProps) {
  return (
    <div className="pg-block" data-content-type={contentType}>
      <div className="pg-block-head">
        <span className="pg-block-kind">{kind}</span>
        {details ? <span className="pg-block-details">{details}</span> : null}
        {actions ? <span className="pg-block-actions">{actions}</span> : null}
      </div>
      <div className="pg-block-body">{children}</div>
    </div>
  );
}
