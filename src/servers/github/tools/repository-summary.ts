import * as z from 'zod';
import { clip, day } from '../format';

/**
 * The fields of a GitHub repository worth a model's attention; GitHub sends some eighty more. GitHub
 * Enterprise versions and proxies leave out some of them: null says "not reported".
 */
export const repositorySummaryOutput = z.object({
  fullName: z.string(),
  private: z.boolean().nullable(),
  description: z.string().nullable(),
  language: z.string().nullable(),
  stars: z.number().nullable(),
  forks: z.number().nullable(),
  openIssues: z.number().nullable().describe('Open issues and pull requests'),
  defaultBranch: z.string().nullable(),
  archived: z.boolean().nullable(),
  fork: z.boolean().nullable(),
  updatedAt: z.string().nullable(),
  htmlUrl: z.string().nullable(),
});

export type RepositorySummary = z.infer<typeof repositorySummaryOutput>;

/** The shape shared by GitHub's list and search answers for repositories. */
export interface GitHubRepositoryLike {
  full_name?: string | null;
  name?: string | null;
  private?: boolean | null;
  description?: string | null;
  language?: string | null;
  stargazers_count?: number | null;
  forks_count?: number | null;
  open_issues_count?: number | null;
  default_branch?: string | null;
  archived?: boolean | null;
  fork?: boolean | null;
  updated_at?: string | null;
  pushed_at?: string | null;
  html_url?: string | null;
}

export function summarizeRepository(repository: GitHubRepositoryLike): RepositorySummary {
  return {
    fullName: repository.full_name ?? repository.name ?? 'unknown repository',
    private: repository.private ?? null,
    description: repository.description ? clip(repository.description, 300) : null,
    language: repository.language ?? null,
    stars: repository.stargazers_count ?? null,
    forks: repository.forks_count ?? null,
    openIssues: repository.open_issues_count ?? null,
    defaultBranch: repository.default_branch ?? null,
    archived: repository.archived ?? null,
    fork: repository.fork ?? null,
    updatedAt: repository.pushed_at ?? repository.updated_at ?? null,
    htmlUrl: repository.html_url ?? null,
  };
}

/** One line per repository: "- octocat/hello-world (public) ★ 80 · TypeScript · updated 2024-05-01 — description". */
export function repositoryLine(summary: RepositorySummary): string {
  const visibility = summary.private === null ? '' : summary.private ? 'private' : 'public';
  const flags = [visibility, summary.archived ? 'archived' : '', summary.fork ? 'fork' : ''].filter(Boolean).join(', ');
  const stars = summary.stars === null ? '' : `★ ${summary.stars}`;
  const facts = [stars, summary.language ?? '', `updated ${day(summary.updatedAt)}`].filter(Boolean).join(' · ');
  return `- ${summary.fullName}${flags ? ` (${flags})` : ''} ${facts}${summary.description ? ` — ${summary.description}` : ''}`;
}
