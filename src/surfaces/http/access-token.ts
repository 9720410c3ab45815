/**
 * The one-time access token of a headless host: 32 random bytes made when `serve` starts, printed
 * once in the URL, and required on every request.
 *
 * A request proves it holds the token in one of three ways:
 * - `Authorization: Bearer <token>` (scripts, tests);
 * - the session cookie that the first page load sets (fetch and EventSource from the UI send it by
 *   themselves, and page scripts cannot read it: HttpOnly, SameSite=Strict);
 * - `?token=` in the URL, for opening a page only (that is how the printed link gets in; it then sets the cookie).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const TOKEN_BYTES = 32;

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

export class AccessToken {
  private readonly digestValue: Buffer;

  private constructor(readonly value: string) {
    this.digestValue = digest(value);
  }

  static generate(): AccessToken {
    return new AccessToken(randomBytes(TOKEN_BYTES).toString('base64url'));
  }

  /** Constant-time: comparing digests keeps both the length and the content of the token from leaking through timing. */
  matches(candidate: string | undefined): boolean {
    if (candidate === undefined || candidate === '') return false;
    return timingSafeEqual(digest(candidate), this.digestValue);
  }

  /** Never print the token by accident (a log of an options object, an error with the token inside). */
  toJSON(): string {
    return '[access token]';
  }

  toString(): string {
    return '[access token]';
  }
}

/** Per port, so two hosts on one machine (cookies ignore ports) do not overwrite each other's cookie. */
function sessionCookieName(port: number): string {
  return `mcp-tray-${port}`;
}

/** A session cookie (gone when the browser closes), for this host only, never visible to page scripts. */
export function sessionCookie(port: number, token: AccessToken): string {
  return `${sessionCookieName(port)}=${token.value}; Path=/; HttpOnly; SameSite=Strict`;
}

function bearerOf(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  return /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
}

function cookiesNamed(request: IncomingMessage, name: string): string[] {
  const header = request.headers.cookie;
  if (header === undefined) return [];
  const values: string[] = [];
  for (const pair of header.split(';')) {
    const equals = pair.indexOf('=');
    if (equals > 0 && pair.slice(0, equals).trim() === name) values.push(pair.slice(equals + 1).trim());
  }
  return values;
}

/** True when the request carries the token in its Authorization header or in our session cookie. */
export function carriesToken(request: IncomingMessage, token: AccessToken, port: number): boolean {
  if (token.matches(bearerOf(request))) return true;
  return cookiesNamed(request, sessionCookieName(port)).some((value) => token.matches(value));
}
