import {
  buildOAuthProtectedResourceMetadata,
  getOAuthProtectedResourceMetadataUrl,
  type OAuthProtectedResourceMetadata,
} from '@modelcontextprotocol/server';
import type { AuthorizationServerMetadata } from './authorization-server';

const WELL_KNOWN = '/.well-known/oauth-protected-resource';

/**
 * RFC 9728 Protected Resource Metadata: tells a client which authorization server issues tokens for
 * this server. MCP requires it of every protected server (2026-07-28, Basic > Authorization >
 * Authorization Server Discovery, "Authorization Server Location"), and the 401 challenge points at it.
 */
export class ProtectedResource {
  /** Where the document lives, per RFC 9728 §3.1: the resource's path after the well-known prefix. */
  readonly metadataUrl: string;
  private readonly paths: Set<string>;

  constructor(
    private readonly resource: URL,
    private readonly scopes: string[],
    private readonly discover: () => Promise<AuthorizationServerMetadata>,
  ) {
    this.metadataUrl = getOAuthProtectedResourceMetadataUrl(resource);
    // The bare prefix too, for clients that probe the origin before they read a challenge.
    this.paths = new Set([new URL(this.metadataUrl).pathname, WELL_KNOWN]);
  }

  serves(pathname: string): boolean {
    return this.paths.has(pathname);
  }

  async document(): Promise<OAuthProtectedResourceMetadata> {
    const authorizationServer = await this.discover();
    return {
      ...buildOAuthProtectedResourceMetadata({
        oauthMetadata: authorizationServer,
        resourceServerUrl: this.resource,
        scopesSupported: this.scopes.length > 0 ? this.scopes : undefined,
      }),
      bearer_methods_supported: ['header'],
    };
  }
}
