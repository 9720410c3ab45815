/**
 * Section 4: a destructive tool asks for confirmation before it runs. github's update_issue
 * (destructiveHint: true) is filled in the playground; Run opens the confirm dialog with the
 * arguments; Cancel sends nothing to GitHub; Confirm runs it once.
 *
 * What reached GitHub is read back from the fake GitHub itself (the issue's title over its REST
 * API, with the token it accepts), since its recorded requests live in the setup process and the
 * e2e context does not carry them; the manager's log of calls confirms the count.
 */
import { expect, test } from '@playwright/test';
import { callHost, ensureGitHubToken, openApp } from './support/app';
import { readE2eContext } from './support/e2e-context';
import { saveScreenshot } from './support/screenshots';

const host = readE2eContext();
const ISSUE = { owner: 'octocat', repo: 'hello-world', number: 4 } as const;

interface FakeIssue {
  number: number;
  title: string;
}

/** The issue as the fake GitHub holds it now (its REST API, as a client would read it). */
async function issueOnGitHub(): Promise<FakeIssue> {
  const response = await fetch(`${host.githubApiUrl}/repos/${ISSUE.owner}/${ISSUE.repo}/issues/${ISSUE.number}`, {
    headers: { authorization: `token ${host.githubToken}`, accept: 'application/vnd.github+json' },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as FakeIssue;
}

async function setTitleOnGitHub(title: string): Promise<void> {
  const response = await fetch(`${host.githubApiUrl}/repos/${ISSUE.owner}/${ISSUE.repo}/issues/${ISSUE.number}`, {
    method: 'PATCH',
    headers: { authorization: `token ${host.githubToken}`, accept: 'application/vnd.github+json', 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  expect(response.status).toBe(200);
}

/** How many update_issue calls the manager has logged for github (each call logs one line). */
async function updateIssueCallsLogged(): Promise<number> {
  const { entries } = await callHost(host, 'logs.query', { serverId: 'github', text: 'update_issue', limit: 100_000 });
  return entries.filter((entry) => entry.source === 'call' && entry.fields?.tool === 'update_issue').length;
}

test.describe('a destructive tool', () => {
  let originalTitle = '';

  test.beforeAll(async () => {
    // update_issue writes, so it needs a token; this spec sets one itself if none is stored.
    await ensureGitHubToken(host);
    originalTitle = (await issueOnGitHub()).title;
  });

  test.afterAll(async () => {
    if (originalTitle !== '') await setTitleOnGitHub(originalTitle);
  });

  test('asks for confirmation: Cancel does not call the tool, Confirm does', async ({ page }, testInfo) => {
    const newTitle = `${originalTitle} (edited by e2e, attempt ${testInfo.retry + 1})`;
    const loggedBefore = await updateIssueCallsLogged();

    await openApp(page, host, '#/servers/github/tools');
    const tools = page.getByTestId('tools-tab');
    await tools.locator('[data-testid="tool-list-item"][data-tool="update_issue"]').click();
    const panel = tools.locator('[data-testid="tool-panel"][data-tool="update_issue"]');
    await expect(panel).toBeVisible();
    await expect(panel.getByTestId('badge-destructive')).toBeVisible();

    await panel.getByLabel('owner', { exact: true }).fill(ISSUE.owner);
    await panel.getByLabel('repo', { exact: true }).fill(ISSUE.repo);
    await panel.getByLabel('number', { exact: true }).fill(String(ISSUE.number));
    await panel.getByLabel('title', { exact: true }).fill(newTitle);

    // Run asks first, showing what will be sent.
    await panel.getByTestId('run-tool').click();
    const dialog = page.getByTestId('confirm-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('heading', { name: 'Run update_issue?' })).toBeVisible();
    const confirmRun = dialog.getByTestId('confirm-run');
    await expect(confirmRun).toContainText('may change or delete data');
    await expect(confirmRun).toContainText(newTitle);
    await expect(confirmRun).toContainText(`"number": ${ISSUE.number}`);
    await saveScreenshot(page, testInfo, 'confirm-dialog', { fullPage: false });

    // Cancel: the dialog goes, nothing runs, GitHub is untouched.
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(panel.getByTestId('tool-result')).toHaveCount(0);
    await expect(panel.getByTestId('history-entry')).toHaveCount(0);
    expect((await issueOnGitHub()).title).toBe(originalTitle);

    // Run again and Confirm: it runs, once, and GitHub has the new title.
    await panel.getByTestId('run-tool').click();
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('confirm-accept').click();
    await expect(dialog).toBeHidden();
    const result = panel.getByTestId('tool-result');
    await expect(result).toHaveAttribute('data-outcome', 'ok');
    await expect(result).toContainText(`Updated issue #${ISSUE.number} in ${ISSUE.owner}/${ISSUE.repo} (title)`);
    await expect(panel.getByTestId('history-entry')).toHaveCount(1);
    expect((await issueOnGitHub()).title).toBe(newTitle);

    // Exactly one call reached the server: the confirmed one (the cancelled run never did).
    await expect.poll(updateIssueCallsLogged).toBe(loggedBefore + 1);
  });
});
