import type { McpServer } from '@modelcontextprotocol/server';
import { wmoCodesMarkdown } from './wmo-codes';

export const WMO_CODES_URI = 'weather://wmo-codes';

const wmoCodesResource = {
  title: 'WMO weather codes',
  description: 'The WMO weather codes in weather_code / weatherCode values and the words get_weather and get_forecast use for them.',
  mimeType: 'text/markdown',
};

let markdown: string | undefined;

export function registerWmoCodesResource(server: McpServer): void {
  server.registerResource('wmo-codes', WMO_CODES_URI, wmoCodesResource, (uri) => {
    // Written once, on the first read: HTTP mode registers the resource on every request.
    markdown ??= wmoCodesMarkdown();
    return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: markdown }] };
  });
}
