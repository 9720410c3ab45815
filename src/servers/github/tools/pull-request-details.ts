import * as z from 'zod';
import { clip, day, userLogin } from '../format';
import { requestGitHub, type GitHubToolContext } from '../tool-definition';

/** GitHub lists at most 3000 files of a pull request; one page of 100 is what a summary needs. */
const FILES_SHOWN = 100;
const MAX_BODY_CHARACTERS = 20_000;

export const changedFileOutput = z.object({
  filename: z.string(),
  status: z.string().describe('"added", "removed", "modified", "renamed", "copied", "changed" or "unchanged"'),
  additions: z.number(),
  deletions: z.number(),
  previousFilename: z.string().nullable().describe('The old name of a renamed file'),
});

export const pullRequestDetailsOutput = {
  repository: z.string(),
  number: z.number(),
  title: z.string(),
  state: z.string().describe('"open" or "closed"'),
  merged: z.boolean(),
  draft: z.boolean(),
  author: z.string(),
  base: z.string().describe('Branch the changes go into'),
  head: z.string().describe('Branch with the changes, "owner:branch"'),
  mergeable: z.boolean().nullable().describe('null while GitHub is still computing it'),
  commits: z.number(),
  additions: z.number(),
  deletions: z.number(),
  changedFiles: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  mergedAt: z.string().nullable(),
  htmlUrl: z.string(),
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
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    previousFilename: file.previous_filename ?? null,
  }));
  return {
    repository: `${owner}/${repo}`,
    number: pull.number,
    title: pull.title,
    state: pull.state,
    merged: pull.merged,
    draft: pull.draft ?? false,
    author: userLogin(pull.user),
    base: pull.base.ref,
    head: pull.head.label,
    mergeable: pull.mergeable,
    commits: pull.commits,
    additions: pull.additions,
    deletions: pull.deletions,
    changedFiles: pull.changed_files,
    createdAt: pull.created_at,
    updatedAt: pull.updated_at,
    mergedAt: pull.merged_at,
    htmlUrl: pull.html_url,
    body: clip(pull.body, MAX_BODY_CHARACTERS),
    files,
    filesNotShown: Math.max(0, pull.changed_files - files.length),
  };
}

export function pullRequestText(details: PullRequestDetails): string {
  const state = details.merged ? `merged ${day(details.mergedAt)}` : details.state;
  const lines = [
    `Pull request ${details.repository}#${details.number}: ${details.title}`,
    `State: ${state}${details.draft ? ' (draft)' : ''} · Author: ${details.author} · ${details.head} → ${details.base}` +
      ` · Mergeable: ${details.mergeable === null ? 'unknown yet' : details.mergeable ? 'yes' : 'no'}`,
    `${details.commits} commits · +${details.additions} −${details.deletions} in ${details.changedFiles} files · ` +
      `Created ${day(details.createdAt)} · Updated ${day(details.updatedAt)}`,
    `URL: ${details.htmlUrl}`,
    '',
    details.body || '(no description)',
    '',
    `Changed files (${details.changedFiles}):`,
    ...details.files.map(
      (file) =>
        `- ${file.status} ${file.previousFilename ? `${file.previousFilename} → ` : ''}${file.filename} (+${file.additions} −${file.deletions})`,
    ),
  ];
  if (details.filesNotShown > 0) lines.push(`(${details.filesNotShown} more files not shown; see ${details.htmlUrl}/files)`);
  return lines.join('\n');
}
