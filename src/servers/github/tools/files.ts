import { ToolFailure } from '../../kit/errors';
import { classifyFileContent, MAX_TEXT_BYTES, readPrefix } from '../file-content';
import { ownerField, pathField, refField, repoField } from '../fields';
import { formatBytes, plural, shortSha } from '../format';
import { READS_GITHUB, defineGitHubTool, requestGitHub, toolResult, type GitHubTool, type GitHubToolContext } from '../tool-definition';

interface FileLocation {
  owner: string;
  repo: string;
  path: string;
  ref: string | undefined;
}

/** The fields of GitHub's contents answer for one entry that this tool reads. */
interface ContentEntry {
  type: string;
  name: string;
  path: string;
  size: number;
  sha: string;
  html_url: string | null;
  download_url: string | null;
  content?: string;
  encoding?: string;
  target?: string;
  submodule_git_url?: string;
}

const getFileContentsTool = defineGitHubTool({
  name: 'get_file_contents',
  title: 'Get file or folder contents',
  description:
    'Reads one file from a repository, or lists a folder. Text files come back as text (cut after 1 MB, with a note); ' +
    'binary files (images, archives, ...) are described (type, size, SHA) instead of dumped. ' +
    'A folder comes back as a listing of its files and subfolders. path "" is the top folder.',
  inputSchema: { owner: ownerField, repo: repoField, path: pathField, ref: refField.optional() },
  annotations: READS_GITHUB,
  run: async ({ owner, repo, path, ref }, context) => {
    const location: FileLocation = { owner, repo, path: path.replace(/\/$/, ''), ref };
    const response = await requestGitHub(context, describeLocation(location), (github) =>
      github.rest.repos.getContent({ owner, repo, path: location.path, ref }),
    );
    const data: unknown = response.data;
    if (Array.isArray(data)) return toolResult(directoryText(location, data as ContentEntry[]));
    const entry = data as ContentEntry;
    if (entry.type === 'symlink') {
      return toolResult(`${where(location)} is a symbolic link to "${entry.target ?? 'unknown'}". Read that path instead.`);
    }
    if (entry.type === 'submodule') {
      return toolResult(`${where(location)} is a Git submodule pointing to ${entry.submodule_git_url ?? 'another repository'} at commit ${entry.sha}.`);
    }
    return toolResult(await fileText(context, location, entry));
  },
});

export const fileTools: readonly GitHubTool[] = [getFileContentsTool];

async function fileText(context: GitHubToolContext, location: FileLocation, entry: ContentEntry): Promise<string> {
  const bytes = await fileBytes(context, location, entry);
  const content = classifyFileContent(bytes, entry.size, entry.name);
  const facts = `${formatBytes(entry.size)}, sha ${shortSha(entry.sha)}`;
  if (content.kind === 'binary') {
    const link = entry.download_url ?? entry.html_url;
    return (
      `${where(location)} is a binary file (${content.typeGuess}, ${facts}, full sha ${entry.sha}). ` +
      `Its bytes are not shown here.${link ? ` Download: ${link}` : ''}`
    );
  }
  if (!content.truncated) return `${where(location)} (${facts}):\n\n${content.text}`;
  const note =
    `[Truncated: the file is ${formatBytes(entry.size)}; only the first ${formatBytes(content.shownBytes)} is shown.` +
    `${entry.html_url ? ` The whole file: ${entry.html_url}` : ''}]`;
  return `${where(location)} (${facts}; truncated to the first ${formatBytes(MAX_TEXT_BYTES)}, see the note at the end):\n\n${content.text}\n\n${note}`;
}

/**
 * GitHub inlines files up to 1 MB as base64. Bigger ones (up to 100 MB) come only with the raw media type;
 * those are streamed and only the part that can be shown is read.
 */
async function fileBytes(context: GitHubToolContext, location: FileLocation, entry: ContentEntry): Promise<Uint8Array> {
  if (entry.encoding === 'base64' && (entry.content || entry.size === 0)) {
    return Buffer.from(entry.content ?? '', 'base64').subarray(0, MAX_TEXT_BYTES);
  }
  const { owner, repo, path, ref } = location;
  const response = await requestGitHub(context, describeLocation(location), (github) =>
    github.rest.repos.getContent({ owner, repo, path, ref, mediaType: { format: 'raw' }, request: { parseSuccessResponseBody: false } }),
  );
  const body: unknown = response.data;
  if (body instanceof ReadableStream) return readPrefix(body as ReadableStream<Uint8Array>, MAX_TEXT_BYTES);
  if (typeof body === 'string') return Buffer.from(body, 'utf8').subarray(0, MAX_TEXT_BYTES);
  throw new ToolFailure(`GitHub sent ${describeLocation(location).toLowerCase()} in a form this server cannot read. Try again later.`, 'upstream');
}

function directoryText(location: FileLocation, entries: ContentEntry[]): string {
  const order = (entry: ContentEntry) => (entry.type === 'dir' ? 0 : 1);
  const sorted = [...entries].sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name));
  const lines = sorted.map((entry) => {
    if (entry.type === 'dir') return `dir   ${entry.path}/`;
    if (entry.type === 'file') return `file  ${entry.path} (${formatBytes(entry.size)})`;
    return `${entry.type.padEnd(5)} ${entry.path}`;
  });
  const folder = location.path === '' ? 'Top folder' : `Folder "${location.path}"`;
  return [`${folder} of ${repoAtRef(location)}: ${plural(entries.length, 'entry', 'entries')}.`, ...lines].join('\n');
}

function repoAtRef({ owner, repo, ref }: FileLocation): string {
  return `${owner}/${repo}${ref ? `@${ref}` : ''}`;
}

function where(location: FileLocation): string {
  return `${location.path} in ${repoAtRef(location)}`;
}

function describeLocation(location: FileLocation): string {
  return location.path === '' ? `Repository ${repoAtRef(location)}` : `Path "${location.path}" in ${repoAtRef(location)}`;
}
