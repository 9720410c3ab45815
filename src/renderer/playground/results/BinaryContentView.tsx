import { useState, type ReactNode } from 'react';
import { formatBytes } from '../../ui/format';
import { base64ByteLength, dataUrl, isAudioMimeType, isImageMimeType } from './content-format';
import { ContentFrame } from './ContentFrame';

interface BinaryContentViewProps {
  base64: string;
  mimeType: string | undefined;
  kind: string;
  /** Alt text for an image, e.g. "Image from get_chart". */
  description: string;
  details?: ReactNode;
}

/** Base64 data: shown when it is an image or audio the page can play, else summarised by size and type. */
export function BinaryContentView({ base64, mimeType, kind, description, details }: BinaryContentViewProps) {
  const [unplayable, setUnplayable] = useState(false);
  const facts = (
    <>
      {details}
      <span className="pg-block-tag">
        {mimeType ?? 'unknown type'}, {formatBytes(base64ByteLength(base64))}
      </span>
    </>
  );
  let body: ReactNode = <p className="pg-binary-summary">Binary content, not shown.</p>;
  if (mimeType && isImageMimeType(mimeType)) {
    body = <img className="pg-image" src={dataUrl(mimeType, base64)} alt={description} />;
  } else if (mimeType && isAudioMimeType(mimeType)) {
    body = unplayable ? (
      <p className="pg-binary-summary">This audio cannot be played here (the format is not supported or the page may not load it).</p>
    ) : (
      <audio className="pg-audio" controls src={dataUrl(mimeType, base64)} aria-label={description} onError={() => setUnplayable(true)} />
    );
  }
  return (
    <ContentFrame kind={kind} contentType={kind} details={facts}>
      {body}
    </ContentFrame>
  );
}
