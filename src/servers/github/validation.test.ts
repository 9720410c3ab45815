import { describe, expect, it } from 'vitest';
import { isSafeRepoPath, isValidOwner, isValidRef, isValidRepo } from './validation';

describe('GitHub argument validation', () => {
  it('accepts real owner names and refuses anything that is not one', () => {
    for (const owner of ['octocat', 'mcp-tray-org', 'a', 'Octo-Cat-42', 'mona_acme']) expect(isValidOwner(owner), owner).toBe(true);
    for (const owner of ['', '-octocat', '_x', 'octo/cat', '../x', 'octo cat', 'octo.cat', 'https://github.com/x', 'ä', 'a'.repeat(101)]) {
      expect(isValidOwner(owner), owner).toBe(false);
    }
  });

  it('accepts real repository names and refuses dot segments and separators', () => {
    for (const repo of ['hello-world', '.github', 'repo.js', 'a_b', 'x'.repeat(100)]) expect(isValidRepo(repo), repo).toBe(true);
    for (const repo of ['', '.', '..', 'a/b', 'a b', 'a%2Fb', 'x'.repeat(101)]) expect(isValidRepo(repo), repo).toBe(false);
  });

  it('accepts paths inside the repository, including spaces, non-ASCII and URL characters', () => {
    for (const path of ['', 'README.md', 'docs/', 'docs/Über uns/naïve file.md', 'a/b?c#d.md', '.github/workflows/ci.yml', 'x..y/z..', '...']) {
      expect(isSafeRepoPath(path), path).toBe(true);
    }
  });

  it('refuses traversal in every spelling, absolute paths, empty segments and control characters', () => {
    for (const path of ['..', '../x', 'a/..', 'a/../b', '.', './a', 'a/./b', '%2e%2e/x', '%2E%2E', 'a/%2e', '.%2e/x', 'a\\..\\b', '/etc/passwd', 'a//b', 'a\nb', 'a\u0000', 'a\u007f']) {
      expect(isSafeRepoPath(path), JSON.stringify(path)).toBe(false);
    }
  });

  it('accepts branch, tag and SHA refs and refuses what git check-ref-format refuses', () => {
    for (const ref of ['main', 'v1.2.0', 'feature/login', 'a1b2c3d', 'release-2024.05', 'refs/heads/main']) expect(isValidRef(ref), ref).toBe(true);
    for (const ref of ['', 'main..dev', 'a b', 'HEAD~1', 'HEAD^', 'a:b', 'a?', 'a*', 'a[', 'a\\b', '-x', '/x', 'x/', 'x.', 'x.lock', 'a@{1}', '@', 'a//b', 'a\tb']) {
      expect(isValidRef(ref), ref).toBe(false);
    }
  });
});
