/** Reads a numeric setting from the environment; a bad value stops start-up with a message naming the variable. */
export function readNumberEnv(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  range: { min: number; max: number },
): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < range.min || value > range.max) {
    throw new Error(`${name} must be a number from ${range.min} to ${range.max}; it is "${raw}".`);
  }
  return value;
}

/** Reads a whole number within range, e.g. a retry count; anything else stops start-up with a message naming the variable. */
export function readWholeNumberEnv(env: NodeJS.ProcessEnv, name: string, fallback: number, range: { min: number; max: number }): number {
  const value = readNumberEnv(env, name, fallback, range);
  if (!Number.isInteger(value)) throw new Error(`${name} must be a whole number from ${range.min} to ${range.max}; it is "${env[name]}".`);
  return value;
}

/** Reads a text setting without surrounding spaces; unset and blank both read as undefined. */
export function readStringEnv(env: NodeJS.ProcessEnv, name: string): string | undefined {
  return env[name]?.trim() || undefined;
}

/** Reads a list separated by commas or spaces; unset and empty both read as undefined. */
export function readListEnv(env: NodeJS.ProcessEnv, name: string): string[] | undefined {
  const items = (env[name] ?? '').split(/[\s,]+/).filter((item) => item !== '');
  return items.length > 0 ? items : undefined;
}

/**
 * Reads one of a few words (case-insensitive); `choices` maps each to what it means, for the message
 * that stops start-up on any other value. Unset reads as `fallback`.
 */
export function readChoiceEnv<Choice extends string, Fallback extends Choice | undefined>(
  env: NodeJS.ProcessEnv,
  name: string,
  choices: Record<Choice, string>,
  fallback: Fallback,
): Choice | Fallback {
  const raw = readStringEnv(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (Object.hasOwn(choices, raw)) return raw as Choice;
  const accepted = Object.entries(choices).map(([choice, meaning]) => `"${choice}" (${String(meaning)})`);
  throw new Error(`${name} must be ${accepted.join(' or ')}${fallback === undefined ? ', or unset' : ''}; it is "${env[name]}".`);
}

/** Reads a base URL from the environment, without a trailing slash so paths can be appended. */
export function readUrlEnv(env: NodeJS.ProcessEnv, name: string, fallback: string): URL {
  const raw = env[name]?.trim() || fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be an absolute http(s) URL; it is "${raw}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${name} must be an http(s) URL; it is "${raw}".`);
  }
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

export function readFlagEnv(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name]?.trim().toLowerCase();
  return raw === '1' || raw === 'true' || raw === 'yes';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads LOG_LEVEL (case-insensitive, default info); an unknown level stops start-up with the accepted ones. */
export function readLogLevelEnv(env: NodeJS.ProcessEnv): string {
  const logLevel = env.LOG_LEVEL?.trim().toLowerCase() || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; it is "${env.LOG_LEVEL}".`);
  }
  return logLevel;
}
