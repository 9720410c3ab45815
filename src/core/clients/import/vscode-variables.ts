/**
 * VS Code's variables in mcp.json (and in the portable Copilot file): `${input:id}` is a value VS Code
 * asks for and keeps itself, `${env:NAME}` comes from the environment, `${userHome}` is the home
 * folder; `${workspaceFolder}` and the like have no value for a user-level entry. `envFile` names a
 * dotenv file whose variables the server gets. Checked against VS Code's "MCP configuration
 * reference" (input variables, `envFile`, predefined variables).
 */
import { readFile } from 'node:fs/promises';
import { parseEnv } from 'node:util';
import { messageOf } from '../../../shared/error-message';
import type { ClientContext } from '../client-context';
import { pathApi } from '../client-context';

const VARIABLE = /\$\{([^}]*)\}/g;
const WHOLE_INPUT = /^\$\{input:([^}]+)\}$/;

export type Resolved = { ok: true; value: string } | { ok: false; reason: string };

/** The input an env value is made of entirely (`${input:api-key}`), if it is one. */
export function wholeInput(value: string): string | undefined {
  return WHOLE_INPUT.exec(value)?.[1];
}

/** The text with every variable it can resolve filled in, or why one cannot be. */
export function resolveVariables(text: string, context: ClientContext): Resolved {
  let reason: string | undefined;
  const value = text.replace(VARIABLE, (whole, name: string) => {
    if (name === 'userHome') return context.homeDir;
    if (name === 'pathSeparator' || name === '/') return pathApi(context).sep;
    if (name.startsWith('env:')) {
      const found = context.env[name.slice(4)];
      if (found !== undefined) return found;
      reason ??= `${whole} names ${name.slice(4)}, which is not set in MCP Tray's environment`;
      return whole;
    }
    if (name.startsWith('input:')) {
      reason ??= `${whole} is a value VS Code asks for and keeps to itself, so MCP Tray cannot read it`;
      return whole;
    }
    reason ??= `${whole} has no fixed value outside a VS Code window (it depends on the open workspace)`;
    return whole;
  });
  return reason === undefined ? { ok: true, value } : { ok: false, reason };
}

/** The variables of a dotenv file, or why it cannot be read. */
export async function readEnvFile(filePath: string, context: ClientContext): Promise<{ ok: true; env: Record<string, string> } | { ok: false; reason: string }> {
  const resolved = resolveVariables(filePath, context);
  if (!resolved.ok) return { ok: false, reason: `its envFile ${resolved.reason}` };
  if (!pathApi(context).isAbsolute(resolved.value)) return { ok: false, reason: `its envFile "${filePath}" is relative to a workspace folder MCP Tray does not know` };
  try {
    return { ok: true, env: parseEnv(await readFile(resolved.value, 'utf8')) as Record<string, string> };
  } catch (error) {
    return { ok: false, reason: `its envFile ${resolved.value} cannot be read (${messageOf(error)})` };
  }
}
