/**
 * The unified diff of a config file, before -> after, as the UI and `mcp-tray register --dry-run`
 * show it. It is for people to read: values that look like credentials are masked, because the
 * context lines around our entries can be another server's entry holding its token.
 */
import { createTwoFilesPatch } from 'diff';
import { createRedactor, REDACTED } from '../../shared/redact';

const redactTokenShapes = createRedactor();
/** A JSON property with a string value: `"NAME": "value"`. */
const STRING_PROPERTY = /("((?:[^"\\]|\\.)*)"\s*:\s*)"(?:[^"\\]|\\.)*"/g;
/** Words that mark a property as a credential: BRAVE_API_KEY, githubToken, DB_PASSWORD (but not MCP_TRAY_KEYCHAIN_SERVICE). */
const CREDENTIAL_WORDS = new Set(['key', 'apikey', 'token', 'secret', 'password', 'passwd', 'pat', 'credential', 'credentials', 'auth', 'authorization']);

function namesACredential(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.some((word) => CREDENTIAL_WORDS.has(word));
}

function maskCredentials(line: string): string {
  const masked = line.replace(STRING_PROPERTY, (property: string, prefix: string, name: string) => (namesACredential(name) ? `${prefix}"${REDACTED}"` : property));
  return redactTokenShapes(masked);
}

/** Empty when nothing changes. `before` null: the file does not exist yet. */
export function unifiedDiff(filePath: string, before: string | null, after: string): string {
  if (before === after) return '';
  const patch = createTwoFilesPatch(before === null ? '/dev/null' : filePath, filePath, before ?? '', after, undefined, undefined, { context: 3 });
  // jsdiff starts with "Index:" and a rule line; a unified diff starts at "---".
  const lines = patch.split('\n');
  const start = lines.findIndex((line) => line.startsWith('--- '));
  return lines
    .slice(Math.max(0, start))
    .map((line) => (line.startsWith('--- ') || line.startsWith('+++ ') ? line : maskCredentials(line)))
    .join('\n');
}
