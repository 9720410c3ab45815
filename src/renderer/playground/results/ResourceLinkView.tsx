import { useEffect, useState } from 'react';
import { messageOf } from '../../../shared/error-message';
import { useApi } from '../../app/api-context';
import { routeHref } from '../../app/route';
import { isWebUrl } from './content-format';
import { listedResourceUris } from './listed-resources';
import { ContentFrame } from './ContentFrame';
import type { ContentBlock, ResourceContents } from '../mcp-types';
import { ResourceContentsView } from './ResourceContentsView';

type ResourceLink = Extract<ContentBlock, { type: 'resource_link' }>;

type ReadState = { status: 'idle' } | { status: 'reading' } | { status: 'read'; contents: ResourceContents[] } | { status: 'error'; message: string };

/**
 * A link to a resource. Web links open in the browser; any other URI (the server's own scheme,
 * file:) is shown and can be read through the server, never opened by the app.
 */
export function ResourceLinkView({ link, serverId }: { link: ResourceLink; serverId: string | undefined }) {
  const api = useApi();
  const [read, setRead] = useState<ReadState>({ status: 'idle' });
  const web = isWebUrl(link.uri);
  const listed = useListedResource(serverId, web ? undefined : link.uri);
  const readIt = async (id: string) => {
    setRead({ status: 'reading' });
    try {
      const result = await api.call('resources.read', { serverId: id, uri: link.uri });
      setRead({ status: 'read', contents: result.contents });
    } catch (error) {
      setRead({ status: 'error', message: messageOf(error) });
    }
  };
  return (
    <ContentFrame
      kind="resource link"
      contentType="resource_link"
      details={link.mimeType ? <span className="pg-block-tag">{link.mimeType}</span> : null}
      actions={
        serverId !== undefined && !web && read.status !== 'read' ? (
          <button type="button" className="btn btn-small" disabled={read.status === 'reading'} onClick={() => void readIt(serverId)}>
            {read.status === 'reading' ? 'Reading…' : 'Read resource'}
          </button>
        ) : null
      }
    >
      <div className="pg-resource-link" data-testid="resource-link">
        <strong>{link.title ?? link.name}</strong>
        {web ? (
          <a href={link.uri} target="_blank" rel="noreferrer noopener" className="pg-uri">
            {link.uri}
          </a>
        ) : (
          <code className="pg-uri">{link.uri}</code>
        )}
        {link.description ? <p className="muted">{link.description}</p> : null}
        {listed && serverId !== undefined ? (
          <a className="pg-resource-link-open" href={routeHref({ page: 'server', serverId, tab: 'resources', item: link.uri })} data-testid="open-in-resources">
            Open on the Resources tab
          </a>
        ) : null}
        {read.status === 'error' ? (
          <p className="inline-error" role="alert">
            {read.message}
          </p>
        ) : null}
      </div>
      {read.status === 'read' ? read.contents.map((contents, index) => <ResourceContentsView key={index} contents={contents} kind="contents" />) : null}
    </ContentFrame>
  );
}

/** Whether the server lists this URI among its resources, so the Resources tab can show it. */
function useListedResource(serverId: string | undefined, uri: string | undefined): boolean {
  const api = useApi();
  const [listed, setListed] = useState(false);
  useEffect(() => {
    if (serverId === undefined || uri === undefined) return;
    let current = true;
    listedResourceUris(api, serverId).then(
      (uris) => {
        if (current) setListed(uris.has(uri));
      },
      // A server that is not running or lists nothing: the link is still readable here.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, serverId, uri]);
  return listed;
}
