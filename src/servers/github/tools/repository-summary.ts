import * as z from 'zod';
import { clip, day } from '../format';

/** The fields of a GitHub repository worth a model's attention; GitHub sends some eighty more. */
export const repositorySummaryOutput = z.object({
  fullName: z.string(),
  private: z.boolean(),
  description: z.string().nullable(),
  language: z.string().nullable(),
  stars: z.number(),
  forks: z.number(),
  openIssues: z.number().describe('Open issues and pull requests'),
  defaultBranch: z.string().nullable(),
  archived: z.boolean(),
  fork: z.boolean(),
  updatedAt: z.string().nullable(),
  htmlUrl: z.string(),
});

export type RepositorySummary = z.infer<typeof repositorySummaryOutput>;

/** The shape shared by GitHub's list and search answers for repositories. */
export interface GitHubRepositoryLike {
  full_name: string;
  private: boolean;
  description: string | null;
  language?: string | null;
  stargazers_count?: number;
  forks_count?: number;
  open_issues_count?: number;
  default_branch?: string;
  archived?: boolean;
  fork: boolean;
  updated_at?: string | null;
  pushed_at?: string | null;
  html_url: string;
}

export function summarizeRepository(repository: GitHubRepositoryLike): RepositorySummary {
  return {
    fullName: repository.full_name,
    private: repository.private,
    description: repository.description ? clip(repository.description, 300) : null,
    language: repository.language ?? null,
    stars: repository.stargazers_count ?? 0,
    forks: repository.forks_count ?? 0,
    openIssues: repository.open_issues_count ?? 0,
    defaultBranch: repository.default_branch ?? null,
    archived: repository.archived ?? false,
    fork: repository.fork,
    updatedAt: repository.pushed_at ?? repository.updated_at ?? null,
    htmlUrl: repository.html_url,
  };
}

/** One line per repository: "- octocat/hello-world (public) ★ 80 · TypeScript · updated 2024-05-01 — description". */
export function repositoryLine(summary: RepositorySummary): string {
  const flags = [summary.private ? 'private' : 'public', summary.archived ? 'archived' : '', summary.fork ? 'fork' : '']
    .filter(Boolean)
    .join(', ');
  const facts = [`★ ${summary.stars}`, summary.language ?? '', `updated ${day(summary.updatedAt)}`].filter(Boolean).join(' · ');
  return `- ${summary.fullName} (${flags}) ${facts}${summary.description ? ` — ${summary.description}` : ''}`;
}
