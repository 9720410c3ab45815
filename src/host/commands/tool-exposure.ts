/**
 * The parts of `mcp-tray tools <id>` that change what clients are shown: tools turned off for every
 * client or for one, and tool definitions held back until approved.
 */
import type { ToolAccess, ToolChanges } from '../../shared/contract';
import type { ManagerSession } from '../cli-context';
import { EXIT_OK } from '../cli-errors';
import { formatTable, writeErr, writeJson, writeOut } from '../cli-output';

function forWhom(client: string | undefined): string {
  return client === undefined ? 'every client' : client;
}

/** Turns a tool off or on, for every client or for one, and says what holds now. */
export async function setToolEnabled(session: ManagerSession, serverId: string, tool: string, enabled: boolean, client: string | undefined, json: boolean): Promise<number> {
  const access = await session.call('tools.setEnabled', { serverId, tool, enabled, ...(client !== undefined ? { client } : {}) });
  if (client !== undefined && !access.clients.some((known) => known.toLowerCase() === client.toLowerCase())) {
    writeErr(
      `mcp-tray: warning: "${client}" is neither a client MCP Tray registers with nor one seen on "${serverId}" (known: ${access.clients.join(', ')}). The switch applies only to a client of that name.`,
    );
  }
  if (json) {
    writeJson(access);
    return EXIT_OK;
  }
  writeOut(`"${tool}" of "${serverId}" is now ${enabled ? 'on' : 'off'} for ${forWhom(client)}${session.running ? '' : ' (MCP Tray applies it when it runs)'}.`);
  if (enabled) {
    const stillOff = offFor(access, tool);
    if (stillOff.length > 0) writeOut(`It is still off for: ${stillOff.join(', ')}.`);
  }
  return EXIT_OK;
}

const CHANGE_WORDS: Record<ToolChanges['changes'][number]['change'], string> = { added: 'new', changed: 'changed', removed: 'removed' };

function offFor(access: ToolAccess, tool: string): string[] {
  if (access.offForAll.includes(tool)) return ['every client'];
  return Object.entries(access.offByClient)
    .filter(([, tools]) => tools.includes(tool))
    .map(([client]) => client);
}

/** By tool name: for whom it is off ("all", or client names), and why it is held back ("changed" or "new"). */
export interface ToolExposureMarks {
  offFor: Record<string, string[]>;
  held: Record<string, string>;
}

export function toolExposureOf(access: ToolAccess, changes: ToolChanges): ToolExposureMarks {
  const offFor: Record<string, string[]> = {};
  for (const tool of access.offForAll) offFor[tool] = ['all'];
  for (const [client, tools] of Object.entries(access.offByClient)) {
    for (const tool of tools) if (!access.offForAll.includes(tool)) offFor[tool] = [...(offFor[tool] ?? []), client];
  }
  const held: Record<string, string> = {};
  for (const tool of changes.held) {
    const change = changes.changes.find((candidate) => candidate.tool === tool)?.change ?? 'changed';
    held[tool] = CHANGE_WORDS[change];
  }
  return { offFor, held };
}

function approvalDate(changes: ToolChanges): string {
  return changes.approvedAt === null ? 'not yet approved' : `approved ${changes.approvedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}`;
}

/** How the tools differ from the approved ones, with a diff per tool and how to approve. */
export async function showToolChanges(session: ManagerSession, serverId: string, json: boolean): Promise<number> {
  const changes = await session.call('tools.changes', { serverId });
  if (json) {
    writeJson(changes);
    return EXIT_OK;
  }
  if (!changes.pinned) {
    writeOut(`"${serverId}" ships with MCP Tray: its tools are approved with each release and never held back.`);
    return EXIT_OK;
  }
  if (changes.changes.length === 0) {
    const { health } = await session.call('servers.get', { id: serverId });
    if (health.state !== 'running' && health.state !== 'degraded') writeOut(`"${serverId}" is ${health.state}: start it to compare its tools with the approved ones.`);
    else writeOut(`The tools of "${serverId}" are as you approved them (${approvalDate(changes)}).`);
    return EXIT_OK;
  }
  writeOut(`The tools of "${serverId}" differ from the ones you approved (${approvalDate(changes)}):\n`);
  writeOut(
    formatTable(
      ['TOOL', 'CHANGE', 'PARTS', 'FOR CLIENTS'],
      changes.changes.map((change) => [change.tool, CHANGE_WORDS[change.change], change.fields.join(', '), changes.held.includes(change.tool) ? 'held back' : '-']),
    ),
  );
  for (const change of changes.changes) writeOut(`\n${change.diff}`);
  writeOut(`\nApprove them all with: mcp-tray tools ${serverId} --approve (or name the tools to approve after --approve).`);
  return EXIT_OK;
}

/** Approves every changed tool, or the tools named, and says what clients see now. */
export async function approveTools(session: ManagerSession, serverId: string, tools: string[], json: boolean): Promise<number> {
  const before = await session.call('tools.changes', { serverId });
  const after = await session.call('tools.approve', { serverId, ...(tools.length > 0 ? { tools } : {}) });
  if (json) {
    writeJson(after);
    return EXIT_OK;
  }
  if (!after.pinned) {
    writeOut(`"${serverId}" ships with MCP Tray: its tools are approved with each release; there is nothing to approve.`);
    return EXIT_OK;
  }
  const approved = before.changes.map((change) => change.tool).filter((tool) => !after.changes.some((change) => change.tool === tool));
  if (approved.length === 0) {
    writeOut(`Nothing to approve: the tools of "${serverId}" are as you approved them.`);
    return EXIT_OK;
  }
  writeOut(`Approved the current definitions of ${approved.join(', ')} on "${serverId}"; clients are shown them again.`);
  if (after.held.length > 0) writeOut(`Still held back: ${after.held.join(', ')}.`);
  return EXIT_OK;
}
