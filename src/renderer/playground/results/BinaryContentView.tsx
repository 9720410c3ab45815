import { useMemo, useState, type ReactNode } from 'react';
import { downloadBytes } from '../../ui/download';
import { formatBytes } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { base64ToBytes, base64ToText, blobFileName, isTextualMimeType } from './blob-content';
import { base64ByteLength, dataUrl, isAudioMimeType, isImageMimeType } from './content-format';
import { ContentFrame } from './ContentFrame';

interface BinaryContentViewProps {
  base64: string;
  mimeType: string | undefined;
  kind: string;
  /** Alt text for an image, e.g. "Image from get_chart". */
  description: string;
  details?: ReactNode;
  /** The resource's URI, when it is one: names the downloaded file. */
  uri?: string;
}

/**
 * Base64 data: shown when it is an image or audio the page can play, else summarised by size and
 * type; always downloadable, and a text blob can be shown as text.
 */
export function BinaryContentView({ base64, mimeType, kind, description, details, uri }: BinaryContentViewProps) {
  const [unplayable, setUnplayable] = useState(false);
  const [asText, setAsText] = useState(false);
  const textual = isTextualMimeType(mimeType);
  const text = useMemo(() => (asText ? base64ToText(base64) : undefined), [asText, base64]);
  const download = () => {
    const bytes = base64ToBytes(base64);
    if (bytes) downloadBytes(blobFileName(mimeType, uri), bytes, mimeType ?? 'application/octet-stream');
  };
  const facts = (
    <>
      {details}
      <span className="pg-block-tag">
        {mimeType ?? 'unknown type'}, {formatBytes(base64ByteLength(base64))}
      </span>
    </>
  );
  let body: ReactNode = <p className="pg-binary-summary">Binary content, not shown.</p>;
  if (text !== undefined) {
    body = (
      <pre className="pg-pre" tabIndex={0} data-testid="blob-text">
        {text}
      </pre>
    );
  } else if (mimeType && isImageMimeType(mimeType)) {
    body = <img className="pg-image" src={dataUrl(mimeType, base64)} alt={description} />;
  } else if (mimeType && isAudioMimeType(mimeType)) {
    body = unplayable ? (
      <p className="pg-binary-summary">This audio cannot be played here (the format is not supported or the page may not load it).</p>
    ) : (
      <audio className="pg-audio" controls src={dataUrl(mimeType, base64)} aria-label={description} onError={() => setUnplayable(true)} />
    );
  }
  const actions = (
    <>
      {textual ? (
        <button type="button" className="btn btn-ghost btn-small" aria-pressed={asText} data-testid="blob-as-text" onClick={() => setAsText((shown) => !shown)}>
          {asText ? 'Hide text' : 'Show as text'}
        </button>
      ) : null}
      <button type="button" className="btn btn-ghost btn-small" data-testid="download-blob" onClick={download}>
        <Icon name="download" size={13} />
        <span>Download</span>
      </button>
    </>
  );
  return (
    <ContentFrame kind={kind} contentType={kind} details={facts} actions={actions}>
      {body}
    </ContentFrame>
  );
}
