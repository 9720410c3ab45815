import { useMemo, type ReactNode } from 'react';
import { ContentFrame } from './ContentFrame';
import { CopyButton } from './CopyButton';
import { prettyJson } from './json-text';

interface TextContentViewProps {
  text: string;
  kind?: string;
  details?: ReactNode;
}

/** Text as the server sent it, preformatted and copyable; JSON text pretty-printed when it parses. */
export function TextContentView({ text, kind = 'text', details }: TextContentViewProps) {
  const pretty = useMemo(() => prettyJson(text), [text]);
  const shown = pretty ?? text;
  return (
    <ContentFrame
      kind={kind}
      contentType="text"
      details={
        <>
          {details}
          {pretty !== undefined ? <span className="pg-block-tag">JSON, pretty-printed</span> : null}
        </>
      }
      actions={<CopyButton text={shown} />}
    >
      {/* Focusable so a long text can be scrolled with the keyboard. */}
      <pre className="pg-pre" tabIndex={0}>
        {shown}
      </pre>
    </ContentFrame>
  );
}
