import * as z from 'zod';
import { day, plural, userLogin } from '../format';

// GitHub Enterprise versions and proxies leave out fields github.com sends; null says "not reported" rather
// than failing a call GitHub answered (for a write, a failure would invite a duplicate retry).
export const issueSummaryOutput = z.object({
  repository: z.string().describe('"owner/repo"'),
  number: z.number(),
  title: z.string(),
  state: z.string().nullable().describe('"open" or "closed"'),
  stateReason: z.string().nullable().describe('"completed", "not_planned", "reopened" or null'),
  isPullRequest: z.boolean(),
  author: z.string(),
  labels: z.array(z.string()),
  assignees: z.array(z.string()),
  comments: z.number().nullable(),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  htmlUrl: z.string().nullable(),
});

export type IssueSummary = z.infer<typeof issueSummaryOutput>;

/** What GitHub's issue list, issue and search answers have in common. */
export interface GitHubIssueLike {
  number: number;
  title: string;
  state?: string | null;
  state_reason?: string | null;
  user?: { login: string } | null;
  labels?: ReadonlyArray<string | { name?: string | null }> | null;
  assignees?: ReadonlyArray<{ login: string }> | null;
  comments?: number | null;
  created_at?: string | null;
  updated_at?: string | null;
  html_url?: string | null;
  repository_url?: string | null;
  pull_request?: unknown;
}

/**
 * The issue as this server reports it. `known` fills in what the request itself said (the repository, the
 * number asked for) when the answer leaves it out.
 */
export function summarizeIssue(issue: GitHubIssueLike, known: { repository?: string; number?: number } = {}): IssueSummary {
  return {
    repository: issue.repository_url ? repositoryFromApiUrl(issue.repository_url) : (known.repository ?? 'unknown repository'),
    number: issue.number ?? known.number ?? 0,
    title: issue.title ?? '',
    state: issue.state ?? null,
    stateReason: issue.state_reason ?? null,
    isPullRequest: issue.pull_request !== undefined && issue.pull_request !== null,
    author: userLogin(issue.user),
    labels: (issue.labels ?? []).map((label) => (typeof label === 'string' ? label : (label?.name ?? ''))).filter(Boolean),
    assignees: (issue.assignees ?? []).flatMap((assignee) => (assignee?.login ? [assignee.login] : [])),
    comments: issue.comments ?? null,
    createdAt: issue.created_at ?? null,
    updatedAt: issue.updated_at ?? null,
    htmlUrl: issue.html_url ?? null,
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
  const state = issue.stateReason && issue.state === 'closed' ? `${issue.state}: ${issue.stateReason}` : (issue.state ?? 'state not reported');
  const labels = issue.labels.length > 0 ? ` (labels: ${issue.labels.join(', ')})` : '';
  const comments = issue.comments === null ? 'comments not reported' : plural(issue.comments, 'comment');
  return `- ${where} [${state}]${kind} ${issue.title}${labels} by ${issue.author}, ${comments}, updated ${day(issue.updatedAt)}`;
}
