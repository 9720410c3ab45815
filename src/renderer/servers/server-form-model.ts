import { CustomServerInputSchema, type CustomServer, type ServerDefinition } from '../../shared/contract';
import { joinCommandLine, splitCommandLine } from './command-line';
import { formatEnvText, parseEnvText, parseNameList } from './env-text';

/** The add/edit form as typed: every field a string or a flag, parsed only on validation. */
export interface ServerFormValues {
  id: string;
  name: string;
  command: string;
  args: string;
  env: string;
  secretEnv: string;
  enabled: boolean;
  autostart: boolean;
}

type ServerFormField = 'id' | 'name' | 'command' | 'args' | 'env' | 'secretEnv';
export type ServerFormErrors = Partial<Record<ServerFormField | 'form', string>>;

export const EMPTY_SERVER_FORM: ServerFormValues = {
  id: '',
  name: '',
  command: '',
  args: '',
  env: '',
  secretEnv: '',
  enabled: true,
  autostart: true,
};

export function formValuesOf(server: ServerDefinition): ServerFormValues {
  return {
    id: server.id,
    name: server.name,
    command: server.command,
    args: joinCommandLine(server.args),
    env: formatEnvText(server.env),
    secretEnv: server.secretEnv.join(', '),
    enabled: server.enabled,
    autostart: server.autostart,
  };
}

/** A server id suggested from its name: "Memory (local)" becomes "memory-local". */
export function suggestId(name: string): string {
  return name
    .normalize('NFKD')
    // Accents go, base letters stay: "Über" is "uber", not "u-ber".
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

const FIELDS: readonly ServerFormField[] = ['id', 'name', 'command', 'args', 'env', 'secretEnv'];

function isField(value: unknown): value is ServerFormField {
  return typeof value === 'string' && (FIELDS as readonly string[]).includes(value);
}

type ServerFormResult = { ok: true; server: CustomServer } | { ok: false; errors: ServerFormErrors };

/** Parses the typed text and checks it with the contract's own schema, one message per field. */
export function validateServerForm(values: ServerFormValues): ServerFormResult {
  const errors: ServerFormErrors = {};
  const args = splitCommandLine(values.args);
  if (!args.ok) errors.args = args.error;
  const env = parseEnvText(values.env);
  if (!env.ok) errors.env = env.error;
  const secretEnv = parseNameList(values.secretEnv);

  const parsed = CustomServerInputSchema.safeParse({
    id: values.id.trim(),
    name: values.name,
    command: values.command,
    args: args.ok ? args.args : [],
    env: env.ok ? env.env : {},
    secretEnv,
    enabled: values.enabled,
    autostart: values.autostart,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      const key = isField(field) ? field : 'form';
      // The first problem per field is the one to fix first; more would crowd the form.
      errors[key] ??= field === 'secretEnv' && typeof issue.path[1] === 'number' ? `"${secretEnv[issue.path[1]] ?? ''}": ${issue.message}` : issue.message;
    }
  }
  if (parsed.success) {
    const clash = parsed.data.secretEnv.find((name) => Object.hasOwn(parsed.data.env, name));
    if (clash) errors.secretEnv = `${clash} is also in the environment above; a secret must not be stored in plain text too.`;
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, server: parsed.data };
}

/**
 * Puts a manager error next to the field it is about. The manager reports zod problems as
 * "field: message; field: message" and a missing command as 'Command "x" was not found ...';
 * anything else is shown above the buttons.
 */
export function errorsFromServer(code: string, message: string): ServerFormErrors {
  if (/^Command "/.test(message)) return { command: message };
  if (code === 'conflict' && /\bid\b/.test(message)) return { id: message };
  const errors: ServerFormErrors = {};
  for (const part of message.split('; ')) {
    const match = /^([A-Za-z]+)(?:\.[^:]*)?: (.*)$/.exec(part);
    const field = match?.[1];
    if (match && isField(field)) errors[field] ??= match[2] ?? part;
    else errors.form = errors.form ? `${errors.form}; ${part}` : part;
  }
  return errors;
}
