import * as z from 'zod';
import { isSafeRepoPath, isValidOwner, isValidRef, isValidRepo, OWNER_HINT, PATH_HINT, REF_HINT, REPO_HINT } from './validation';
import { groupDigits } from '../kit/group-digits';

// The SDK sends these messages back verbatim when input does not match, so each one says what to type instead.

export const ownerField = z
  .string({ error: `owner is required. ${OWNER_HINT}` })
  .trim()
  .refine(isValidOwner, { error: OWNER_HINT })
  .describe('User or organization that owns the repository, e.g. "octocat".');

export const repoField = z
  .string({ error: `repo is required. ${REPO_HINT}` })
  .trim()
  .refine(isValidRepo, { error: REPO_HINT })
  .describe('Repository name without the owner, e.g. "hello-world".');

export const pathField = z
  .string({ error: PATH_HINT })
  .refine(isSafeRepoPath, { error: PATH_HINT })
  .default('')
  .describe('Path of a file or folder from the repository root, e.g. "src/index.ts" or "docs"; "" (the default) for the top folder.');

export const refField = z
  .string({ error: REF_HINT })
  .trim()
  .refine(isValidRef, { error: REF_HINT })
  .describe('Branch, tag or commit SHA, e.g. "main" or "v1.2.0". Defaults to the repository\'s default branch.');

export function numberField(what: 'issue' | 'pull request' | 'issue or pull request') {
  const hint = `number must be the ${what} number, a whole number such as 42 (without "#").`;
  return z.number({ error: hint }).int({ error: hint }).min(1, { error: hint }).describe(`The ${what} number, e.g. 42.`);
}

const PAGE_HINT = 'page must be a whole number from 1 (the first page) to 1000.';
const PER_PAGE_HINT = 'perPage must be a whole number from 1 to 100.';

/** Every list and search tool takes these two; GitHub counts pages from 1 and allows at most 100 items a page. */
export const pagingFields = {
  page: z
    .number({ error: PAGE_HINT })
    .int({ error: PAGE_HINT })
    .min(1, { error: PAGE_HINT })
    .max(1000, { error: PAGE_HINT })
    .default(1)
    .describe('Page number, from 1.'),
  perPage: z
    .number({ error: PER_PAGE_HINT })
    .int({ error: PER_PAGE_HINT })
    .min(1, { error: PER_PAGE_HINT })
    .max(100, { error: PER_PAGE_HINT })
    .default(30)
    .describe('Items per page, 1 to 100 (default 30).'),
};

export const pageOutputFields = {
  page: z.number(),
  perPage: z.number(),
  hasNextPage: z.boolean().describe('True when GitHub has a next page: call again with page + 1.'),
};

const TIMESTAMP_HINT = 'must be a date or time in ISO 8601 form, e.g. "2024-05-01" or "2024-05-01T12:00:00Z".';
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** GitHub wants a full ISO 8601 timestamp; a bare date is taken as midnight UTC. */
/** Which items a list shows by state, open by default; `description` says what "closed" covers. */
export function listStateField(description: string) {
  return z
    .enum(['open', 'closed', 'all'], { error: 'state must be "open" (default), "closed" or "all".' })
    .default('open')
    .describe(description);
}

export function timestampField(name: string, meaning: string) {
  return z
    .string({ error: `${name} ${TIMESTAMP_HINT}` })
    .trim()
    .refine((value) => ISO_TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value)), { error: `${name} ${TIMESTAMP_HINT}` })
    .transform((value) => new Date(value.length === 10 ? `${value}T00:00:00Z` : value).toISOString())
    .describe(`${meaning} ISO 8601, e.g. "2024-05-01" or "2024-05-01T12:00:00Z".`);
}

export function searchQueryField(examples: string) {
  const hint = `query must be GitHub search text of 1 to 1000 characters, e.g. ${examples}.`;
  return z
    .string({ error: hint })
    .trim()
    .min(1, { error: hint })
    .max(1000, { error: hint })
    .describe(`GitHub search syntax, e.g. ${examples}.`);
}

/** Label, assignee and similar names: plain text on one line. */
export function nameListField(what: string, example: string) {
  const hint = `${what} must be a list of names such as ${example}, each 1 to 100 characters on one line.`;
  return z
    .array(
      z
        .string({ error: hint })
        .trim()
        .min(1, { error: hint })
        .max(100, { error: hint })
        .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), { error: hint }),
      { error: hint },
    )
    .max(100, { error: `${what} takes at most 100 names.` });
}

export function textField(name: string, max: number, description: string) {
  const hint = `${name} must be text of at most ${groupDigits(max)} characters.`;
  return z.string({ error: hint }).max(max, { error: hint }).describe(description);
}
