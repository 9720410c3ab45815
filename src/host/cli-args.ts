/**
 * Command-line parsing on top of node:util parseArgs: strict (an unknown option is a usage error),
 * positionals allowed, and every failure turned into a UsageError with a readable sentence.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { ENV_NAME_PATTERN } from '../shared/vocabulary';
import { messageOf } from '../shared/error-message';
import { UsageError } from './cli-errors';

type OptionValue<C extends ParseArgsOptionsConfig[string]> = C['type'] extends 'boolean'
  ? C['multiple'] extends true
    ? boolean[]
    : boolean
  : C['multiple'] extends true
    ? string[]
    : string;

type OptionValues<O extends ParseArgsOptionsConfig> = { [K in keyof O]?: OptionValue<O[K]> };

interface ParsedCommandLine<O extends ParseArgsOptionsConfig> {
  values: OptionValues<O>;
  positionals: string[];
}

/** Every command understands --help / -h. */
export const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const satisfies ParseArgsOptionsConfig;
/** Read commands print machine-readable output with --json. */
export const JSON_OPTION = { json: { type: 'boolean' } } as const satisfies ParseArgsOptionsConfig;

export function parseCommandLine<O extends ParseArgsOptionsConfig>(args: string[], options: O): ParsedCommandLine<O> {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: parsed.values as OptionValues<O>, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
}

/** parseArgs messages mention "positional" and internals; keep the part a person needs. */
function describeParseError(error: unknown): string {
  const message = messageOf(error);
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (unknown) return `Unknown option ${unknown[1]}.`;
  const missingValue = /^Option '([^']+)' argument missing/.exec(message);
  if (missingValue?.[1]) return `Option ${missingValue[1].replace(/^-\w, /, '')} needs a value.`;
  return message.split('\n')[0] ?? message;
}

/** True when --help or -h appears before a `--` (after it, the words belong to another program). */
export function wantsHelp(args: string[]): boolean {
  const { before } = splitAtTerminator(args);
  return before.includes('--help') || before.includes('-h');
}

/** Splits at the first `--`: options and positionals before it, a verbatim command after it. */
export function splitAtTerminator(args: string[]): { before: string[]; after: string[] | undefined } {
  const index = args.indexOf('--');
  if (index === -1) return { before: args, after: undefined };
  return { before: args.slice(0, index), after: args.slice(index + 1) };
}

/** Exactly `count` positionals named `names`, or a usage error saying which is missing or extra. */
export function expectPositionals(positionals: string[], names: string[]): string[] {
  if (positionals.length < names.length) throw new UsageError(`Missing ${names.slice(positionals.length).map((name) => `<${name}>`).join(' ')}.`);
  if (positionals.length > names.length) throw new UsageError(`Unexpected argument "${positionals[names.length]}".`);
  return positionals;
}

/** `K=V` environment assignments; `K=` means "remove K" (null) when `allowRemoval`. */
export function parseEnvAssignments(words: string[], allowRemoval: boolean): Record<string, string | null> {
  const env: Record<string, string | null> = {};
  for (const word of words) {
    const equals = word.indexOf('=');
    if (equals <= 0) throw new UsageError(`"${word}" is not an assignment: write NAME=value${allowRemoval ? ' (or NAME= to remove it)' : ''}.`);
    const name = word.slice(0, equals);
    const value = word.slice(equals + 1);
    if (!ENV_NAME_PATTERN.test(name)) throw new UsageError(`"${name}" is not a valid environment variable name (letters, digits and underscores, not starting with a digit).`);
    if (Object.hasOwn(env, name)) throw new UsageError(`${name} is given twice.`);
    env[name] = value === '' && allowRemoval ? null : value;
  }
  return env;
}

/** A positive whole number option, e.g. --limit 50. */
export function parsePositiveInteger(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) throw new UsageError(`--${name} must be a whole number from 1 to ${max}; got "${raw}".`);
  return Number(raw);
}
