// Small text helpers shared by the tools, so every result reads the same way.

import { groupDigits } from '../kit/group-digits';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

export function firstLine(text: string | null | undefined): string {
  return (text ?? '').split(/\r?\n/, 1)[0]?.trim() ?? '';
}

/** "2024-05-01" from an ISO timestamp; lists need the day, the structured result keeps the full time. */
export function day(timestamp: string | null | undefined): string {
  return timestamp ? timestamp.slice(0, 10) : 'unknown date';
}

/** Keeps long bodies from flooding a model's context, and says so when it cuts. */
export function clip(text: string | null | undefined, maxCharacters: number): string {
  const value = (text ?? '').trim();
  if (value.length <= maxCharacters) return value;
  return `${value.slice(0, maxCharacters)}\n[... cut: ${groupDigits(value.length - maxCharacters)} more characters]`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${groupDigits(count)} ${count === 1 ? singular : pluralForm}`;
}

export function userLogin(user: { login: string } | null | undefined): string {
  return user?.login ?? 'ghost';
}
