import { describe, expect, it } from 'vitest';
import { externalUrlToOpen } from './external-url';

describe('externalUrlToOpen', () => {
  it('passes plain https links, normalised', () => {
    expect(externalUrlToOpen('https://open-meteo.com')).toBe('https://open-meteo.com/');
    expect(externalUrlToOpen('https://github.com/settings/tokens?type=beta#new')).toBe('https://github.com/settings/tokens?type=beta#new');
    expect(externalUrlToOpen('HTTPS://GitHub.com/a b')).toBe('https://github.com/a%20b');
  });

  it('refuses every other scheme', () => {
    for (const url of [
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'smb://server/share',
      'ms-settings:privacy',
      'vscode://file/tmp/x',
      'mcp-tray://app/index.html',
      'mailto:someone@example.com',
    ]) {
      expect(externalUrlToOpen(url), url).toBeUndefined();
    }
  });

  it('refuses links with credentials and things that are not URLs', () => {
    expect(externalUrlToOpen('https://user:secret@example.com/')).toBeUndefined();
    expect(externalUrlToOpen('https://user@example.com/')).toBeUndefined();
    expect(externalUrlToOpen('example.com')).toBeUndefined();
    expect(externalUrlToOpen('')).toBeUndefined();
    expect(externalUrlToOpen('https://')).toBeUndefined();
  });
});
