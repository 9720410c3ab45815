import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/server';
import { ToolFailure } from '../kit/errors';
import { drawOnCallerLimit } from '../kit/remote/tool-call-gate';
import { asProtocolError } from './errors';
import { withCallSignal } from './call-signal';
import { classifyFileContent, MAX_TEXT_BYTES } from './file-content';
import { formatBytes } from './format';
import { hideToken, requestGitHub, type GitHubToolContext } from './tool-definition';
import { assertRepository } from './validation';

export const README_URI_TEMPLATE = 'github://repos/{owner}/{repo}/readme';

/** A repository's README as Markdown, so a client can attach it as context without a tool call. */
export function registerReadmeResource(server: McpServer, context: GitHubToolContext): void {
  server.registerResource(
    'repository-readme',
    new ResourceTemplate(README_URI_TEMPLATE, { list: undefined }),
    {
      title: 'Repository README',
      description: 'The README of a GitHub repository (default branch), as Markdown. Example: github://repos/octocat/hello-world/readme',
      mimeType: 'text/markdown',
    },
    async (uri, variables, ctx) => {
      const owner = single(variables.owner);
      const repo = single(variables.repo);
      try {
        assertRepository(owner, repo);
        await drawOnCallerLimit();
        const response = await withCallSignal(ctx.mcpReq.signal, () =>
          requestGitHub(context, `The README of ${owner}/${repo}`, (github) => github.rest.repos.getReadme({ owner, repo, mediaType: { format: 'raw' } })),
        );
        const text = hideToken(readmeText(response.data), context.config.token);
        context.logger.info({ resource: 'repository-readme', owner, repo, outcome: 'ok' }, 'resource read');
        return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text }] };
      } catch (error) {
        const failure = asProtocolError(error, uri.href);
        if (error instanceof ToolFailure) {
          context.logger.info({ resource: 'repository-readme', owner, repo, outcome: 'error', message: failure.message }, 'resource read');
        } else {
          context.logger.error({ resource: 'repository-readme', owner, repo, outcome: 'failed', err: error }, 'resource read failed unexpectedly');
        }
        throw failure;
      }
    },
  );
}

function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** The raw media type arrives as text, or as bytes when GitHub does not say the charset. */
function readmeText(data: unknown): string {
  const bytes =
    typeof data === 'string' ? Buffer.from(data, 'utf8') : data instanceof ArrayBuffer ? new Uint8Array(data) : Buffer.from(JSON.stringify(data ?? ''), 'utf8');
  const content = classifyFileContent(bytes.subarray(0, MAX_TEXT_BYTES), bytes.length, 'README');
  if (content.kind === 'binary') return `(The README is not text: ${content.typeGuess}, ${formatBytes(bytes.length)}.)`;
  return content.truncated ? `${content.text}\n\n[Truncated after ${formatBytes(content.shownBytes)}.]` : content.text;
}
