import { BinaryContentView } from './BinaryContentView';
import type { ResourceContents } from '../mcp-types';
import { TextContentView } from './TextContentView';

/** One resource's contents (from resources.read or embedded in a result), rendered by MIME type. */
export function ResourceContentsView({ contents, kind = 'resource' }: { contents: ResourceContents; kind?: string }) {
  const details = (
    <>
      <code className="pg-uri">{contents.uri}</code>
      {'text' in contents && contents.mimeType ? <span className="pg-block-tag">{contents.mimeType}</span> : null}
    </>
  );
  return (
    <div className="pg-resource-contents" data-testid="resource-contents">
      {'text' in contents ? (
        <TextContentView text={contents.text} kind={kind} details={details} />
      ) : (
        <BinaryContentView base64={contents.blob} mimeType={contents.mimeType} kind={kind} description={`Contents of ${contents.uri}`} details={details} uri={contents.uri} />
      )}
    </div>
  );
}
