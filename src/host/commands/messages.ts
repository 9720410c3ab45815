import { MessageDirectionSchema, type MessageDetail, type MessageFilters, type MessageSummary } from '../../shared/messages-contract';
import { followMessages } from '../../shared/message-follow';
import { HELP_OPTION, JSON_OPTION, expectPositionals, parseCommandLine, parsePositiveInteger } from '../cli-args';
import { withSession, type ManagerSession } from '../cli-context';
import { EXIT_OK, UsageError } from '../cli-errors';
import { formatMegabytes } from '../../shared/message-size';
import { writeJson, writeJsonLine, writeOut } from '../cli-output';
import { untilStopped } from '../until-stopped';
import type { CliCommand } from './command';

const OPTIONS = {
  ...HELP_OPTION,
  ...JSON_OPTION,
  follow: { type: 'boolean', short: 'f' },
  method: { type: 'string' },
  direction: { type: 'string' },
  session: { type: 'string' },
  limit: { type: 'string', short: 'n' },
} as const;

const DEFAULT_LIMIT = 100;
/** The most messages one follow-up query brings. */
const FOLLOW_PAGE = 1_000;
const ARROWS = { 'to-server': '->', 'from-server': '<-' } as const;

function parseDirection(raw: string | undefined): MessageFilters['direction'] {
  if (raw === undefined) return undefined;
  const parsed = MessageDirectionSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(`--direction is one of ${MessageDirectionSchema.options.join(', ')}; got "${raw}".`);
  return parsed.data;
}

/** One line per message: time, direction, session, method (and whether it answers), id, size, latency. */
function formatMessageLine(message: MessageSummary): string {
  const answer = message.kind === 'response' || message.kind === 'error' ? ` ${message.kind}` : '';
  const id = message.id === null ? '' : ` #${String(message.id)}`;
  const latency = message.latencyMs === null ? '' : ` in ${message.latencyMs} ms`;
  return `${message.time}  ${ARROWS[message.direction]}  ${(message.session ?? '-').padEnd(14)}  ${message.method ?? '?'}${answer}${id}  ${message.bytes} B${latency}`;
}

/** With --json each message comes whole: its summary and its JSON, redacted. */
function printerFor(session: ManagerSession, serverId: string, json: boolean): (message: MessageSummary) => Promise<void> {
  if (!json) return async (message) => writeOut(formatMessageLine(message));
  return async (message) => {
    writeJsonLine(await detailOrSummary(session, serverId, message));
  };
}

async function detailOrSummary(session: ManagerSession, serverId: string, message: MessageSummary): Promise<MessageDetail | MessageSummary> {
  // A message dropped from the buffer meanwhile is still worth its summary.
  return session.call('messages.get', { serverId, seq: message.seq }).catch(() => message);
}

/** Prints messages as they cross until Ctrl+C or until the manager goes away; printed in order, one at a time. */
async function follow(session: ManagerSession, serverId: string, filters: MessageFilters, limit: number, print: (message: MessageSummary) => Promise<void>): Promise<number> {
  const client = session.client;
  if (!client) throw new Error('following messages needs the running manager');
  const follower = followMessages({
    query: (afterSeq, pageLimit) => session.call('messages.query', { serverId, afterSeq, limit: pageLimit, filters }),
    limit: FOLLOW_PAGE,
    onAnswer: async ({ messages }) => {
      for (const message of messages) await print(message);
    },
  });
  const ended = untilStopped(client, 'MCP Tray stopped; no more messages.');
  // Listen before reading the backlog, and follow on from its last seq, so none is lost or doubled.
  await client.subscribe('messages.appended', (notice) => {
    if (notice.serverId === serverId) follower.notice(notice.lastSeq);
  });
  const backlog = await session.call('messages.query', { serverId, limit, filters });
  for (const message of backlog.messages) await print(message);
  follower.start(backlog.lastSeq);
  await ended;
  follower.stop();
  await follower.idle();
  return EXIT_OK;
}

export const messagesCommand: CliCommand = {
  name: 'messages',
  summary: "Show the JSON-RPC messages on a server's wire (and follow them with --follow)",
  help: `Usage: mcp-tray messages <id> [--follow] [--method M] [--direction D] [--session S] [--limit N] [--json]

Shows the newest JSON-RPC messages between MCP Tray and server <id>, both ways:
time, direction (-> to the server, <- from it), the session they belong to (a
client's name, "MCP Tray" for its own calls, "health" for pings), method, id,
size and, for an answer, how long it took. Needs MCP Tray running: the messages
are kept in its memory only. Secrets are redacted.

Options:
  -f, --follow       Keep printing new messages until Ctrl+C
  --method M         Only methods containing M (any case), e.g. tools/call
  --direction D      Only to-server or from-server
  --session S        Only the messages of session S (e.g. claude-desktop)
  -n, --limit N      How many messages to show first (default ${DEFAULT_LIMIT})
  --json             One JSON object per line: the summary and the message's JSON
  -h, --help         Show this help`,
  async run(args, environment) {
    const { values, positionals } = parseCommandLine(args, OPTIONS);
    const [serverId] = expectPositionals(positionals, ['id']) as [string];
    const filters: MessageFilters = {
      ...(values.method ? { method: values.method } : {}),
      ...(values.session ? { session: values.session } : {}),
      ...(values.direction ? { direction: parseDirection(values.direction) } : {}),
    };
    const limit = parsePositiveInteger('limit', values.limit, DEFAULT_LIMIT, 100_000);
    return withSession(environment, 'running-only', async (session) => {
      const print = printerFor(session, serverId, values.json === true);
      if (values.follow) return follow(session, serverId, filters, limit, print);
      const { messages, stats } = await session.call('messages.query', { serverId, limit, filters });
      if (values.json) {
        writeJson({ messages: await Promise.all(messages.map((message) => detailOrSummary(session, serverId, message))), stats });
        return EXIT_OK;
      }
      if (messages.length === 0) writeOut(`No messages${filters.method ? ` with a method containing "${filters.method}"` : ''} for "${serverId}" yet.`);
      for (const message of messages) writeOut(formatMessageLine(message));
      writeOut(`(buffer: ${(stats.bytesUsed / 1024).toFixed(1)} KB of ${formatMegabytes(stats.maxBytes)}, ${stats.count} messages, ${stats.dropped} dropped)`);
      return EXIT_OK;
    });
  },
};
