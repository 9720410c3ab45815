import { AnnotationTags } from './AnnotationTags';
import { BinaryContentView } from './BinaryContentView';
import { JsonTree } from './JsonTree';
import type { ContentBlock } from '../mcp-types';
import { ResourceContentsView } from './ResourceContentsView';
import { ResourceLinkView } from './ResourceLinkView';
import { TextContentView } from './TextContentView';

/**
 * One content block of a tool result or prompt message, rendered by its type. `serverId` lets a
 * resource link be read through the server that sent it.
 */
export function ContentBlockView({ block, serverId, source }: { block: ContentBlock; serverId?: string; source: string }) {
  const annotations = 'annotations' in block ? block.annotations : undefined;
  if (!annotations) return <BlockByType block={block} serverId={serverId} source={source} />;
  return (
    <div className="pg-annotated">
      <AnnotationTags annotations={annotations} />
      <BlockByType block={block} serverId={serverId} source={source} />
    </div>
  );
}

function BlockByType({ block, serverId, source }: { block: ContentBlock; serverId: string | undefined; source: string }) {
  switch (block.type) {
    case 'text':
      return <TextContentView text={block.text} source={source} />;
    case 'image':
      return <BinaryContentView base64={block.data} mimeType={block.mimeType} kind="image" description={`Image from ${source}`} />;
    case 'audio':
      return <BinaryContentView base64={block.data} mimeType={block.mimeType} kind="audio" description={`Audio from ${source}`} />;
    case 'resource_link':
      return <ResourceLinkView link={block} serverId={serverId} />;
    case 'resource':
      return <ResourceContentsView contents={block.resource} kind="embedded resource" />;
    default:
      // A content type newer than this UI: show it as data rather than hide it.
      return <JsonTree value={block} label="Content" />;
  }
}
