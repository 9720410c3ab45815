import * as z from 'zod';
import { clip, day, userLogin } from '../format';
import { requestGitHub, type GitHubToolContext } from '../tool-definition';

/** GitHub lists at most 3000 files of a pull request; one page of 100 is what a summary needs. */
const FILES_SHOWN = 100;
const MAX_BODY_CHARACTERS = 20_000;

// GitHub Enterprise versions and proxies leave out fields github.com sends: null says "not reported".
export const changedFileOutput = z.object({
  filename: z.string(),
  status: z.string().nullable().describe('"added", "removed", "modified", "renamed", "copied", "changed" or "unchanged"'),
  additions: z.number().nullable(),
  deletions: z.number().nullable(),
  previousFilename: z.string().nullable().describe('The old name of a renamed file'),
});

export const pullRequestDetailsOutput = {
  repository: z.string(),
  number: z.number(),
  title: z.string(),
  state: z.string().nullable().describe('"open" or "closed"'),
  merged: z.boolean().nullable(),
  draft: z.boolean(),
  author: z.string(),
  base: z.string().nullable().describe('Branch the changes go into'),
  head: z.string().nullable().describe('Branch with the changes, "owner:branch"'),
  mergeable: z.boolean().nullable().describe('null while GitHub is still computing it'),
  commits: z.number().nullable(),
  additions: z.number().nullable(),
  deletions: z.number().nullable(),
  changedFiles: z.number().nullable(),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  mergedAt: z.string().nullable(),
  htmlUrl: z.string().nullable(),
  body: z.string(),
  files: z.array(changedFileOutput),
  filesNotShown: z.number(),
};

export type PullRequestDetails = z.infer<z.ZodObject<typeof pullRequestDetailsOutput>>;

export async function loadPullRequest(context: GitHubToolContext, owner: string, repo: string, number: number): Promise<PullRequestDetails> {
  const subject = `Pull request #${number} in ${owner}/${repo}`;
  const [pullResponse, filesResponse] = await Promise.all([
    requestGitHub(context, subject, (github) => github.rest.pulls.get({ owner, repo, pull_number: number })),
    requestGitHub(context, subject, (github) => github.rest.pulls.listFiles({ owner, repo, pull_number: number, per_page: FILES_SHOWN })),
  ]);
  const pull = pullResponse.data;
  const files = filesResponse.data.map((file) => ({
    filename: file.filename ?? '',
    status: file.status ?? null,
    additions: file.additions ?? null,
    deletions: file.deletions ?? null,
    previousFilename: file.previous_filename ?? null,
  }));
  const changedFiles = pull.changed_files ?? null;
  return {
    repository: `${owner}/${repo}`,
    number: pull.number ?? number,
    title: pull.title ?? '',
    state: pull.state ?? null,
    merged: pull.merged ?? (pull.merged_at ? true : null),
    draft: pull.draft ?? false,
    author: userLogin(pull.user),
    base: pull.base?.ref ?? null,
    head: pull.head?.label ?? null,
    mergeable: pull.mergeable ?? null,
    commits: pull.commits ?? null,
    additions: pull.additions ?? null,
    deletions: pull.deletions ?? null,
    changedFiles,
    createdAt: pull.created_at ?? null,
    updatedAt: pull.updated_at ?? null,
    mergedAt: pull.merged_at ?? null,
    htmlUrl: pull.html_url ?? null,
    body: clip(pull.body, MAX_BODY_CHARACTERS),
    files,
    filesNotShown: Math.max(0, (changedFiles ?? files.length) - files.length),
  };
}

export function pullRequestText(details: PullRequestDetails): string {
  const state = details.merged ? `merged ${day(details.mergedAt)}` : (details.state ?? 'not reported');
  const lines = [
    `Pull request ${details.repository}#${details.number}: ${details.title}`,
    `State: ${state}${details.draft ? ' (draft)' : ''} · Author: ${details.author} · ${branches(details.head, details.base)}` +
      ` · Mergeable: ${details.mergeable === null ? 'unknown yet' : details.mergeable ? 'yes' : 'no'}`,
    `${count(details.commits)} commits · +${count(details.additions)} −${count(details.deletions)} in ${count(details.changedFiles)} files · ` +
      `Created ${day(details.createdAt)} · Updated ${day(details.updatedAt)}`,
    `URL: ${details.htmlUrl ?? 'not reported'}`,
    '',
    details.body || '(no description)',
    '',
    `Changed files (${count(details.changedFiles)}):`,
    ...details.files.map(
      (file) =>
        `- ${file.status ?? 'changed'} ${file.previousFilename ? `${file.previousFilename} → ` : ''}${file.filename} (+${count(file.additions)} −${count(file.deletions)})`,
    ),
  ];
  if (details.filesNotShown > 0) {
    lines.push(`(${details.filesNotShown} more files not shown${details.htmlUrl ? `; see ${details.htmlUrl}/files` : ''})`);
  }
  return lines.join('\n');
}

/** "octocat:feature → main", with "?" for a branch the answer left out. */
export function branches(head: string | null, base: string | null): string {
  return `${head ?? '?'} → ${base ?? '?'}`;
}

function count(value: number | null): string {
  return value === null ? '?' : String(value);
}
