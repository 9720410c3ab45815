import { ToolFailure } from '../kit/errors';

// Every value checked here ends up in a GitHub URL. Octokit percent-encodes route parameters, and these checks
// refuse anything that could still be read as a different path or option (traversal, control characters).

export const OWNER_HINT =
  'owner must be a GitHub user or organization name such as "octocat": letters, digits, "-" and "_" only (not a URL, not "owner/repo").';
export const REPO_HINT =
  'repo must be a repository name such as "hello-world": letters, digits, ".", "-" and "_" only; the owner goes in owner.';
export const PATH_HINT =
  'path must be a path inside the repository such as "src/index.ts" or "docs" ("" for the top folder): ' +
  'no leading "/", no "." or ".." parts (not even written as %2e), no "//" and no control characters.';
export const REF_HINT =
  'ref must be a branch, tag or commit SHA such as "main", "v1.2.0" or "a1b2c3d": ' +
  'no spaces, "..", "~", "^", ":", "?", "*", "[", "\\" or control characters.';

/** Logins are letters, digits and hyphens; Enterprise Managed Users add an "_shortcode" suffix. */
const OWNER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
const REPO_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
const MAX_PATH_LENGTH = 4096;
const MAX_REF_LENGTH = 255;

export function isValidOwner(owner: string): boolean {
  return OWNER_PATTERN.test(owner);
}

export function isValidRepo(repo: string): boolean {
  return REPO_PATTERN.test(repo) && repo !== '.' && repo !== '..';
}

/** A path relative to the repository root; "" is the root itself. A trailing "/" is allowed (a folder). */
export function isSafeRepoPath(path: string): boolean {
  if (path === '') return true;
  if (path.length > MAX_PATH_LENGTH || CONTROL_CHARACTERS.test(path) || path.startsWith('/')) return false;
  const segments = path.replace(/\/$/, '').split(/[\\/]/);
  return segments.every((segment) => {
    // %2e is a dot to any server that decodes before it resolves the path.
    const decoded = segment.replace(/%2e/gi, '.');
    return decoded !== '' && decoded !== '.' && decoded !== '..';
  });
}

/** Git's own rules for ref names (git check-ref-format), which also keep a ref from reading as a range or option. */
export function isValidRef(ref: string): boolean {
  return (
    ref.length > 0 &&
    ref.length <= MAX_REF_LENGTH &&
    !/[\s~^:?*[\\]/.test(ref) &&
    !CONTROL_CHARACTERS.test(ref) &&
    !ref.includes('..') &&
    !ref.includes('@{') &&
    !ref.includes('//') &&
    ref !== '@' &&
    !ref.startsWith('-') &&
    !ref.startsWith('/') &&
    !ref.endsWith('/') &&
    !ref.endsWith('.') &&
    !ref.endsWith('.lock')
  );
}

/** For callers the SDK does not validate with a schema (resource templates, prompts). */
export function assertRepository(owner: string, repo: string): void {
  if (!isValidOwner(owner)) throw new ToolFailure(OWNER_HINT);
  if (!isValidRepo(repo)) throw new ToolFailure(REPO_HINT);
}
