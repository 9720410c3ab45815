import { useMemo, type ReactNode } from 'react';
import { downloadText } from '../../ui/download';
import { Icon } from '../../ui/Icon';
import { ContentFrame } from './ContentFrame';
import { CopyButton } from './CopyButton';
import { prettyJson } from '../schema-form/json-text';
import { downloadNameFor, previewOf } from './text-preview';

interface TextContentViewProps {
  text: string;
  kind?: string;
  details?: ReactNode;
  /** What the text came from (a tool or prompt name): names the file a long text downloads to. */
  source?: string;
}

/**
 * Text as the server sent it, preformatted and copyable; JSON text pretty-printed when it parses. A
 * long text shows its start only, with the whole of it offered as a download.
 */
export function TextContentView({ text, kind = 'text', details, source = 'text' }: TextContentViewProps) {
  const preview = useMemo(() => previewOf(text), [text]);
  // Not for a cut text: parsing and re-printing many MB would stall the page for what is not shown.
  const pretty = useMemo(() => (preview.cut ? undefined : prettyJson(text)), [preview.cut, text]);
  const shown = pretty ?? preview.shown;
  const count = (value: number) => value.toLocaleString('en-US');
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
      actions={<CopyButton text={pretty ?? text} />}
    >
      {preview.cut ? (
        <div className="pg-text-cut" data-testid="text-cut" role="note">
          <span>
            Showing the first {count(preview.shown.length)} of {count(text.length)} characters.
          </span>
          <button type="button" className="btn btn-ghost btn-small" data-testid="download-full-text" onClick={() => downloadText(downloadNameFor(source), text, 'text/plain;charset=utf-8')}>
            <Icon name="download" size={13} />
            <span>Download the full text</span>
          </button>
        </div>
      ) : null}
      {/* Focusable so a long text can be scrolled with the keyboard. */}
      <pre className="pg-pre" tabIndex={0} data-testid="text-content">
        {shown}
      </pre>
    </ContentFrame>
  );
}
