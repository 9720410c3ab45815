/**
 * Checks that a registry package's identifier, version and registry are what they claim to be
 * before any of them reaches a command line: a value starting with `-` would be read as an option,
 * and a path, `file:`, `git+` or URL spec would make npm fetch something other than a registry
 * package.
 */
import type { RegistryPackage } from './server-json';

/** npm names (validate-npm-package-name): an optional `@scope/`, no leading `.` or `_`, at most 214 characters. */
const NPM_NAME = /^(?:@[A-Za-z0-9~][A-Za-z0-9._~-]*\/)?[A-Za-z0-9~][A-Za-z0-9._~-]*$/;
const NPM_NAME_MAX = 214;
/** PEP 508 names: letters and digits, with `.`, `_` or `-` inside only. */
const PYPI_NAME = /^(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])$/;
/** OCI image references (distribution/reference grammar): `[host[:port]/]path[:tag][@digest]`. */
const OCI_DOMAIN = String.raw`(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:\.(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?))*(?::[0-9]+)?`;
const OCI_PATH_PART = String.raw`[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*`;
const OCI_TAG = String.raw`[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`;
const OCI_DIGEST = String.raw`[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}`;
const OCI_REFERENCE = new RegExp(`^(?:${OCI_DOMAIN}/)?${OCI_PATH_PART}(?:/${OCI_PATH_PART})*(?::${OCI_TAG})?(?:@${OCI_DIGEST})?$`);
/** A version or tag: no spaces, no leading `-`, nothing a runtime reads as a path or URL. */
const VERSION = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;

/** The registry each type is fetched from; server.json `registryBaseUrl`. */
const DEFAULT_REGISTRY: Record<string, string> = { npm: 'https://registry.npmjs.org', pypi: 'https://pypi.org', oci: 'https://docker.io' };

function identifierProblem(pkg: RegistryPackage): string | null {
  const { registryType, identifier } = pkg;
  if (identifier.startsWith('-')) return `its identifier "${identifier}" starts with "-", so the runtime would read it as an option`;
  if (registryType === 'npm' && (identifier.length > NPM_NAME_MAX || !NPM_NAME.test(identifier))) return `its identifier "${identifier}" is not an npm package name (a path, URL or git spec is not installed)`;
  if (registryType === 'pypi' && !PYPI_NAME.test(identifier)) return `its identifier "${identifier}" is not a PyPI project name`;
  if (registryType === 'oci' && !OCI_REFERENCE.test(identifier)) return `its identifier "${identifier}" is not an image reference`;
  return null;
}

/** The host an image is pulled from: its first part when that looks like a host, else Docker Hub. */
function imageHost(identifier: string): string {
  const first = identifier.split('/')[0] ?? '';
  return identifier.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost') ? first : 'docker.io';
}

function registryProblem(pkg: RegistryPackage): string | null {
  const expected = DEFAULT_REGISTRY[pkg.registryType];
  if (pkg.registryBaseUrl === undefined || expected === undefined) return null;
  const given = pkg.registryBaseUrl.replace(/\/+$/, '');
  if (given === expected) return null;
  if (pkg.registryType === 'oci' && given === `https://${imageHost(pkg.identifier)}`) return null;
  return `it comes from the registry ${given}, and MCP Tray installs ${pkg.registryType} packages from ${expected} only`;
}

/** Why this package's identity cannot go on a command line, or null when it can. */
export function packageIdentityProblem(pkg: RegistryPackage): string | null {
  if (!(pkg.registryType in DEFAULT_REGISTRY)) return null;
  const problem = identifierProblem(pkg) ?? registryProblem(pkg);
  if (problem) return problem;
  if (pkg.version !== undefined && !VERSION.test(pkg.version)) return `its version "${pkg.version}" is not a plain version (no spaces, no leading "-")`;
  return null;
}
