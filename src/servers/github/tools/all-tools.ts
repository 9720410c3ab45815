import type { GitHubTool } from '../tool-definition';
import { commitTools } from './commits';
import { fileTools } from './files';
import { issueWriteTools } from './issue-writes';
import { issueReadTools } from './issues';
import { meTools } from './me';
import { pullRequestTools } from './pull-requests';
import { repositoryTools } from './repositories';
import { searchTools } from './search';

/** Every GitHub tool, in the order `tools/list` shows them. */
export const GITHUB_TOOLS: readonly GitHubTool[] = [
  ...meTools,
  ...repositoryTools,
  ...fileTools,
  ...commitTools,
  ...issueReadTools,
  ...issueWriteTools,
  ...pullRequestTools,
  ...searchTools,
];
