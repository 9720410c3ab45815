/** How registry facts read in the dialog: pure, so they are tested without a browser. */
import type { PackagePlan, RegistrySource, RegistrySummary, Verification } from '../../shared/registry-contract';
import { joinCommandLine } from '../servers/command-line';
import { formatRelative } from '../ui/format';

export const VERIFICATION_LABEL: Record<Verification, string> = {
  verified: 'Verified',
  unverified: 'Unverified',
  uncheckable: 'Hash not checkable',
};

export const VERIFICATION_PILL: Record<Verification, string> = {
  verified: 'pill pill-success',
  unverified: 'pill pill-warning',
  uncheckable: 'pill pill-danger',
};

export function kindOf(result: Pick<RegistrySummary, 'remote' | 'packageTypes'>): string {
  if (result.remote) return 'remote';
  return result.packageTypes.join(', ') || 'no package';
}

/** The command line as a person would type it. */
export function commandText(plan: Pick<PackagePlan, 'command' | 'args'>): string {
  return joinCommandLine([plan.command ?? '', ...plan.args]);
}

export function offlineText(source: RegistrySource, now: number): string | null {
  if (!source.offline) return null;
  const age = source.cachedAt ? `fetched ${formatRelative(source.cachedAt, now)}` : 'of unknown age';
  return `${source.offlineReason ?? 'The registry could not be reached.'} Showing cached entries ${age}.`;
}

/** The package to start with: the first one that can be installed, else the first. */
export function defaultPackageIndex(packages: readonly PackagePlan[]): number {
  return packages.find((plan) => plan.installable)?.index ?? 0;
}
