import type { McpServer } from '@modelcontextprotocol/server';
import { wmoCodesMarkdown } from './wmo-codes';

export const WMO_CODES_URI = 'weather://wmo-codes';

export function registerWmoCodesResource(server: McpServer): void {
  const markdown = wmoCodesMarkdown();
  server.registerResource(
    'wmo-codes',
    WMO_CODES_URI,
    {
      title: 'WMO weather codes',
      description: 'The WMO weather codes in weather_code / weatherCode values and the words get_weather and get_forecast use for them.',
      mimeType: 'text/markdown',
    },
    (uri) => ({ contents: [{ uri: uri.href, mimeType: 'text/markdown', text: markdown }] }),
  );
}
