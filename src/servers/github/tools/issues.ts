import * as z from 'zod';
import { listStateField, nameListField, numberField, ownerField, pageOutputFields, pagingFields, repoField, timestampField } from '../fields';
import { clip, day, plural, userLogin } from '../format';
import { describePage, pageInfo } from '../pagination';
import { READS_GITHUB, defineGitHubTool, requestGitHub, toolResult, type GitHubTool, type GitHubToolContext } from '../tool-definition';
import { issueLine, issueSummaryOutput, summarizeIssue } from './issue-summary';

/** Enough of a long thread to follow it; the rest is a link away. */
const COMMENTS_SHOWN = 50;
const MAX_BODY_CHARACTERS = 20_000;
const MAX_COMMENT_CHARACTERS = 4_000;

// GitHub Enterprise versions and proxies leave out fields github.com sends: null says "not reported".
const commentOutput = z.object({ author: z.string(), createdAt: z.string().nullable(), body: z.string(), htmlUrl: z.string().nullable() });

const listIssuesTool = defineGitHubTool({
  name: 'list_issues',
  title: 'List issues',
  description:
    'Lists issues of a repository (pull requests are left out: use list_pull_requests for those). ' +
    'Filter by state, labels (all must match) and last update (since); sort by created, updated or comments. Paged.',
  inputSchema: {
    owner: ownerField,
    repo: repoField,
    state: listStateField('"open" (default), "closed" or "all".'),
    labels: nameListField('labels', '["bug", "help wanted"]')
      .refine((labels) => labels.every((label) => !label.includes(',')), {
        error: 'labels cannot contain a comma: GitHub reads a comma as the separator between labels.',
      })
      .optional()
      .describe('Only issues that have all these labels, e.g. ["bug"].'),
    sort: z
      .enum(['created', 'updated', 'comments'], { error: 'sort must be "created" (default), "updated" or "comments".' })
      .default('created')
      .describe('"created" (default), "updated" or "comments".'),
    direction: z.enum(['desc', 'asc'], { error: 'direction must be "desc" (default) or "asc".' }).default('desc').describe('"desc" (default) or "asc".'),
    since: timestampField('since', 'Only issues updated at or after this time,').optional(),
    ...pagingFields,
  },
  outputSchema: {
    repository: z.string(),
    issues: z.array(issueSummaryOutput),
    pullRequestsLeftOut: z.number().describe('Pull requests GitHub returned on this page, which this tool leaves out'),
    ...pageOutputFields,
  },
  annotations: READS_GITHUB,
  run: async ({ owner, repo, state, labels, sort, direction, since, page, perPage }, context) => {
    const repository = `${owner}/${repo}`;
    const response = await requestGitHub(context, `Repository ${repository}`, (github) =>
      github.rest.issues.listForRepo({ owner, repo, state, labels: labels?.join(','), sort, direction, since, per_page: perPage, page }),
    );
    // GitHub's issue list includes pull requests; they are told apart by their pull_request field.
    const all = response.data.map((issue) => summarizeIssue(issue));
    const issues = all.filter((issue) => !issue.isPullRequest);
    const pullRequestsLeftOut = all.length - issues.length;
    const info = pageInfo(page, perPage, response.headers);
    const lines = [
      `${capitalize(state === 'all' ? 'all' : state)} issues in ${repository}${labels?.length ? ` labelled ${labels.join(' + ')}` : ''}: ${plural(issues.length, 'issue')} on this page.`,
      ...issues.map((issue) => issueLine(issue)),
    ];
    if (pullRequestsLeftOut > 0) {
      lines.push(`(${plural(pullRequestsLeftOut, 'pull request')} on this page left out; use list_pull_requests for them.)`);
    }
    lines.push(describePage(info));
    return toolResult(lines.join('\n'), { repository, issues, pullRequestsLeftOut, ...info });
  },
});

const getIssueTool = defineGitHubTool({
  name: 'get_issue',
  title: 'Get an issue',
  description:
    `Reads one issue (or pull request conversation) with its description and the first ${COMMENTS_SHOWN} comments: ` +
    'title, state, labels, assignees, milestone, author and dates.',
  inputSchema: { owner: ownerField, repo: repoField, number: numberField('issue') },
  outputSchema: {
    issue: issueSummaryOutput,
    milestone: z.string().nullable(),
    body: z.string(),
    comments: z.array(commentOutput),
    commentsNotShown: z.number(),
  },
  annotations: READS_GITHUB,
  run: async ({ owner, repo, number }, context) => {
    const subject = `Issue #${number} in ${owner}/${repo}`;
    const [issueResponse, commentsResponse] = await Promise.all([
      requestGitHub(context, subject, (github) => github.rest.issues.get({ owner, repo, issue_number: number })),
      requestGitHub(context, subject, (github) => github.rest.issues.listComments({ owner, repo, issue_number: number, per_page: COMMENTS_SHOWN })),
    ]);
    const data = issueResponse.data;
    const issue = summarizeIssue(data, { repository: `${owner}/${repo}`, number });
    const milestone = data.milestone?.title ?? null;
    const body = clip(data.body, MAX_BODY_CHARACTERS);
    const comments = commentsResponse.data.map((comment) => ({
      author: userLogin(comment.user),
      createdAt: comment.created_at ?? null,
      body: clip(comment.body, MAX_COMMENT_CHARACTERS),
      htmlUrl: comment.html_url ?? null,
    }));
    const commentsNotShown = Math.max(0, (issue.comments ?? comments.length) - comments.length);

    const state = issue.stateReason && issue.state === 'closed' ? `closed (${issue.stateReason})` : issue.state;
    const lines = [
      `${issue.isPullRequest ? 'Pull request' : 'Issue'} ${issue.repository}#${issue.number}: ${issue.title}`,
      `State: ${state} · Author: ${issue.author} · Created ${day(issue.createdAt)} · Updated ${day(issue.updatedAt)}`,
      `Labels: ${issue.labels.join(', ') || 'none'} · Assignees: ${issue.assignees.join(', ') || 'none'} · Milestone: ${milestone ?? 'none'}`,
      `URL: ${issue.htmlUrl ?? 'not reported'}`,
    ];
    if (issue.isPullRequest) lines.push('This is a pull request; get_pull_request shows its branches and changed files.');
    lines.push('', body || '(no description)', '', `Comments (${issue.comments ?? comments.length}):`);
    for (const comment of comments) lines.push('', `--- ${comment.author} on ${day(comment.createdAt)}:`, comment.body);
    if (commentsNotShown > 0) lines.push('', `(${plural(commentsNotShown, 'more comment')} not shown; read them on GitHub${issue.htmlUrl ? ` at ${issue.htmlUrl}` : ''})`);
    return toolResult(lines.join('\n'), { issue, milestone, body, comments, commentsNotShown });
  },
});

export const issueReadTools: readonly GitHubTool[] = [listIssuesTool, getIssueTool];

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
