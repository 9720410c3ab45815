import * as z from 'zod';
import { day, plural, userLogin } from '../format';

export const issueSummaryOutput = z.object({
  repository: z.string().describe('"owner/repo"'),
  number: z.number(),
  title: z.string(),
  state: z.string().describe('"open" or "closed"'),
  stateReason: z.string().nullable().describe('"completed", "not_planned", "reopened" or null'),
  isPullRequest: z.boolean(),
  author: z.string(),
  labels: z.array(z.string()),
  assignees: z.array(z.string()),
  comments: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  htmlUrl: z.string(),
});

export type IssueSummary = z.infer<typeof issueSummaryOutput>;

/** What GitHub's issue list, issue and search answers have in common. */
export interface GitHubIssueLike {
  number: number;
  title: string;
  state: string;
  state_reason?: string | null;
  user: { login: string } | null;
  labels: ReadonlyArray<string | { name?: string | null }>;
  assignees?: ReadonlyArray<{ login: string }> | null;
  comments: number;
  created_at: string;
  updated_at: string;
  html_url: string;
  repository_url: string;
  pull_request?: unknown;
}

export function summarizeIssue(issue: GitHubIssueLike): IssueSummary {
  return {
    repository: repositoryFromApiUrl(issue.repository_url),
    number: issue.number,
    title: issue.title,
    state: issue.state,
    stateReason: issue.state_reason ?? null,
    isPullRequest: issue.pull_request !== undefined && issue.pull_request !== null,
    author: userLogin(issue.user),
    labels: issue.labels.map((label) => (typeof label === 'string' ? label : (label.name ?? ''))).filter(Boolean),
    assignees: (issue.assignees ?? []).map((assignee) => assignee.login),
    comments: issue.comments,
    createdAt: issue.created_at,
    updatedAt: issue.updated_at,
    htmlUrl: issue.html_url,
  };
}

/** ".../repos/octocat/hello-world" -> "octocat/hello-world" (search results name the repository only this way). */
export function repositoryFromApiUrl(apiUrl: string): string {
  const match = /\/repos\/([^/]+)\/([^/]+)\/?$/.exec(apiUrl);
  return match ? `${decodeURIComponent(match[1]!)}/${decodeURIComponent(match[2]!)}` : apiUrl;
}

/** "- #12 [open] Title (labels: bug) by mona, 3 comments, updated 2024-05-01"; withRepository for search results. */
export function issueLine(issue: IssueSummary, withRepository = false): string {
  const where = withRepository ? `${issue.repository}#${issue.number}` : `#${issue.number}`;
  const kind = issue.isPullRequest ? ' pull request' : '';
  const state = issue.stateReason && issue.state === 'closed' ? `${issue.state}: ${issue.stateReason}` : issue.state;
  const labels = issue.labels.length > 0 ? ` (labels: ${issue.labels.join(', ')})` : '';
  return `- ${where} [${state}]${kind} ${issue.title}${labels} by ${issue.author}, ${plural(issue.comments, 'comment')}, updated ${day(issue.updatedAt)}`;
}
