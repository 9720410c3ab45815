/** What the person is shown of a URL before deciding to open it (MCP 2025-11-25, Client > Elicitation > Safe URL Handling). */
export interface UrlReview {
  /** The host, shown apart so a look-alike subdomain stands out. */
  host: string;
  /** Reasons to be careful, in words; empty when there are none. */
  warnings: string[];
  /** Whether MCP Tray opens it at all: only web pages, never another scheme. */
  openable: boolean;
}

export function reviewUrl(text: string): UrlReview {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { host: '', warnings: ['This is not a valid URL.'], openable: false };
  }
  const warnings: string[] = [];
  const web = url.protocol === 'https:' || url.protocol === 'http:';
  if (!web) warnings.push(`It is a ${url.protocol} link, not a web page: MCP Tray does not open it.`);
  if (url.protocol === 'http:') warnings.push('It is not encrypted (http, not https).');
  if (url.hostname.split('.').some((label) => label.startsWith('xn--'))) warnings.push('Its host is written in Punycode: it may imitate another site\'s name.');
  if (url.username !== '' || url.password !== '') warnings.push('It carries a user name or password before the host, which can hide the real site.');
  return { host: url.hostname, warnings, openable: web };
}
