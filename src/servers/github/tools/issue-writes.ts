import * as z from 'zod';
import { ToolFailure } from '../../kit/errors';
import { nameListField, numberField, ownerField, repoField, textField } from '../fields';
import { defineGitHubTool, requestGitHub, toolResult, type GitHubTool, type GitHubToolContext } from '../tool-definition';
import { issueSummaryOutput, summarizeIssue } from './issue-summary';
import { groupDigits } from '../../kit/group-digits';

// GitHub's own limits, checked here so the person gets the message before the request is sent.
const MAX_TITLE = 256;
const MAX_BODY = 65_536;

const titleHint = `title must be text of 1 to ${MAX_TITLE} characters.`;
const titleField = z.string({ error: titleHint }).trim().min(1, { error: titleHint }).max(MAX_TITLE, { error: titleHint });
const bodyField = textField('body', MAX_BODY, 'Markdown text.');
const labelsField = nameListField('labels', '["bug", "help wanted"]');
const assigneesField = nameListField('assignees', '["octocat"]');
const milestoneHint = 'milestone must be a milestone number such as 3 (not its title)';

const createIssueTool = defineGitHubTool({
  name: 'create_issue',
  title: 'Create an issue',
  description:
    'Opens a new issue in a repository, with an optional Markdown body, labels, assignees and milestone number. ' +
    'Labels that do not exist yet are created by GitHub; assignees must have access to the repository.',
  inputSchema: {
    owner: ownerField,
    repo: repoField,
    title: titleField.describe('Issue title.'),
    body: bodyField.optional(),
    labels: labelsField.optional().describe('Label names, e.g. ["bug"].'),
    assignees: assigneesField.optional().describe('GitHub logins, e.g. ["octocat"].'),
    milestone: z.number({ error: `${milestoneHint}.` }).int({ error: `${milestoneHint}.` }).min(1, { error: `${milestoneHint}.` }).optional().describe('Milestone number.'),
  },
  outputSchema: { issue: issueSummaryOutput },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  writes: true,
  run: async ({ owner, repo, title, body, labels, assignees, milestone }, context) => {
    const response = await requestGitHub(context, `Repository ${owner}/${repo}`, (github) =>
      github.rest.issues.create({ owner, repo, title, body, labels, assignees, milestone }),
    );
    const issue = summarizeIssue(response.data, { repository: `${owner}/${repo}` });
    return toolResult(`Created issue #${issue.number} in ${issue.repository}: ${issue.title || title}${linkLine(issue.htmlUrl)}`, { issue });
  },
});

const updateIssueTool = defineGitHubTool({
  name: 'update_issue',
  title: 'Update an issue',
  description:
    'Changes an existing issue: title, body, state (open/closed) with state_reason, labels, assignees or milestone. ' +
    'Only the fields given change; labels and assignees given replace the whole list ([] clears it); milestone null removes it.',
  inputSchema: {
    owner: ownerField,
    repo: repoField,
    number: numberField('issue'),
    title: titleField.optional().describe('New title.'),
    body: bodyField.optional().describe('New Markdown body; replaces the old one.'),
    state: z.enum(['open', 'closed'], { error: 'state must be "open" or "closed".' }).optional().describe('"open" or "closed".'),
    state_reason: z
      .enum(['completed', 'not_planned', 'reopened'], { error: 'state_reason must be "completed", "not_planned" or "reopened".' })
      .optional()
      .describe('Why it was closed ("completed", "not_planned") or "reopened"; goes with state.'),
    labels: labelsField.optional().describe('The complete new list of labels.'),
    assignees: assigneesField.optional().describe('The complete new list of assignees (GitHub logins).'),
    milestone: z
      .number({ error: `${milestoneHint}, or null to remove it.` })
      .int({ error: `${milestoneHint}, or null to remove it.` })
      .min(1, { error: `${milestoneHint}, or null to remove it.` })
      .nullable()
      .optional()
      .describe('Milestone number, or null to remove the milestone.'),
  },
  outputSchema: { issue: issueSummaryOutput, changed: z.array(z.string()) },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  writes: true,
  run: async ({ owner, repo, number, ...changes }, context) => {
    const changed = Object.entries(changes)
      .filter(([, value]) => value !== undefined)
      .map(([field]) => field);
    if (changed.length === 0) {
      throw new ToolFailure('Nothing to change: pass at least one of title, body, state, state_reason, labels, assignees or milestone.');
    }
    const response = await requestGitHub(context, `Issue #${number} in ${owner}/${repo}`, (github) =>
      github.rest.issues.update({ owner, repo, issue_number: number, ...changes }),
    );
    const issue = summarizeIssue(response.data, { repository: `${owner}/${repo}`, number });
    const state = issue.stateReason && issue.state === 'closed' ? `closed (${issue.stateReason})` : issue.state;
    const now = state === null ? '' : `; it is now ${state}`;
    return toolResult(`Updated issue #${issue.number} in ${issue.repository} (${changed.join(', ')})${now}.${linkLine(issue.htmlUrl)}`, {
      issue,
      changed,
    });
  },
});

const addIssueCommentTool = defineGitHubTool({
  name: 'add_issue_comment',
  title: 'Comment on an issue or pull request',
  description: 'Adds a Markdown comment to an issue or to a pull request\'s conversation.',
  inputSchema: {
    owner: ownerField,
    repo: repoField,
    number: numberField('issue or pull request'),
    body: z
      .string({ error: `body must be the comment text, 1 to ${groupDigits(MAX_BODY)} characters.` })
      .trim()
      .min(1, { error: 'body must not be empty: type the comment text.' })
      .max(MAX_BODY, { error: `body must be at most ${groupDigits(MAX_BODY)} characters.` })
      .describe('Comment text (Markdown).'),
  },
  outputSchema: { repository: z.string(), number: z.number(), commentId: z.number().nullable(), htmlUrl: z.string().nullable() },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  writes: true,
  run: async ({ owner, repo, number, body }, context) => {
    const repository = `${owner}/${repo}`;
    const response = await requestGitHub(context, `Issue or pull request #${number} in ${repository}`, (github) =>
      github.rest.issues.createComment({ owner, repo, issue_number: number, body }),
    );
    const comment: { id?: number | null; html_url?: string | null } = response.data ?? {};
    const htmlUrl = comment.html_url ?? null;
    return toolResult(`Commented on ${repository}#${number}.${linkLine(htmlUrl)}`, {
      repository,
      number,
      commentId: comment.id ?? null,
      htmlUrl,
    });
  },
});

export const issueWriteTools: readonly GitHubTool[] = [createIssueTool, updateIssueTool, addIssueCommentTool];

function linkLine(url: string | null): string {
  return url ? `\n${url}` : '';
}
