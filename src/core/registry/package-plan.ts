/**
 * What a registry package becomes in MCP Tray: the command line, environment and secrets of a
 * custom server, or why it cannot be one yet. `npm` runs with `npx -y <identifier>@<version>`,
 * `pypi` with `uvx <identifier>==<version>`, `oci` with `docker run -i --rm -e NAME … <image>`.
 */
import type { PackagePlan, PackageVariable, Verification } from '../../shared/registry-contract';
import { ENV_NAME_PATTERN } from '../../shared/vocabulary';
import { packageIdentityProblem } from './package-identity';
import type { RegistryArgument, RegistryInput, RegistryPackage } from './server-json';
import type { RuntimeName } from './runtimes';

export interface RuntimeView {
  paths: Partial<Record<RuntimeName, string>>;
  missingMessage(name: RuntimeName, purpose: string): string;
}

const RUNTIME_OF: Record<string, RuntimeName> = { npm: 'npx', pypi: 'uvx', oci: 'docker' };

/** `{name}` parts of a value, filled from its variables' values or defaults; unknown ones stay as written (server.json: Input.value). */
function fill(template: string, variables: Record<string, RegistryInput> | undefined): string {
  return template.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, key: string) => variables?.[key]?.value ?? variables?.[key]?.default ?? whole);
}

/** Arguments as the command line gets them; the names of required ones that have no value MCP Tray could use. */
function argumentValues(list: readonly RegistryArgument[] | undefined): { values: string[]; unanswered: string[] } {
  const values: string[] = [];
  const unanswered: string[] = [];
  for (const argument of list ?? []) {
    const value = valueOf(argument);
    if (value === undefined) {
      if (argument.isRequired) unanswered.push(labelOf(argument));
      continue;
    }
    if (argument.type === 'named') values.push(argument.name, value);
    else values.push(value);
  }
  return { values, unanswered };
}

function valueOf(argument: RegistryArgument): string | undefined {
  return argument.value !== undefined ? fill(argument.value, argument.variables) : argument.default;
}

function labelOf(argument: RegistryArgument): string {
  return argument.type === 'named' ? argument.name : (argument.valueHint ?? 'a positional argument');
}

/**
 * Runtime arguments go before the package or image, where the runtime reads them as its own
 * options. A named one is written as one word, `--name=value`, so a value can never stand alone
 * and be taken for the package; a positional one would be taken for the package, so it is refused.
 */
function runtimeFlagValues(list: readonly RegistryArgument[] | undefined): { values: string[]; unanswered: string[]; problems: string[] } {
  const values: string[] = [];
  const unanswered: string[] = [];
  const problems: string[] = [];
  for (const argument of list ?? []) {
    if (argument.type === 'positional') {
      problems.push(`its runtime argument ${labelOf(argument)} is positional, so the runtime would take it for the package`);
      continue;
    }
    if (!argument.name.startsWith('-') || /[\s=]/.test(argument.name)) {
      problems.push(`its runtime argument "${argument.name}" is not an option name`);
      continue;
    }
    const value = valueOf(argument);
    if (value === undefined) {
      if (argument.isRequired) unanswered.push(labelOf(argument));
      continue;
    }
    values.push(`${argument.name}=${value}`);
  }
  return { values, unanswered, problems };
}

/** The image reference: the identifier as is when it names a tag or digest, else tagged with the version. */
function imageOf(identifier: string, version: string | undefined): string {
  const lastPart = identifier.slice(identifier.lastIndexOf('/') + 1);
  if (lastPart.includes(':') || identifier.includes('@') || version === undefined) return identifier;
  return `${identifier}:${version}`;
}

function verificationOf(pkg: RegistryPackage): { verification: Verification; note: string; refusal: string | null } {
  const hash = pkg.fileSha256;
  if (pkg.registryType === 'npm') {
    return hash
      ? { verification: 'verified', note: 'Before the first run MCP Tray fetches the package file with npm pack, checks its SHA-256 against the registry, and runs that checked file.', refusal: null }
      : { verification: 'unverified', note: 'The registry gives no file hash: npx fetches the package from npm unchecked.', refusal: null };
  }
  if (pkg.registryType === 'pypi') {
    return hash
      ? {
          verification: 'uncheckable',
          note: 'The registry gives a file hash, but a PyPI release holds several files and uvx picks one itself, so the hash cannot be checked.',
          refusal: 'MCP Tray does not run a package whose registry hash it cannot check: uvx chooses which of the release files to fetch.',
        }
      : { verification: 'unverified', note: 'The registry gives no file hash: uvx fetches the package from PyPI unchecked.', refusal: null };
  }
  if (pkg.registryType === 'oci') {
    if (hash) {
      return {
        verification: 'uncheckable',
        note: 'The registry gives a file hash, but docker pulls an image as layers and checks it by digest, not by a file hash.',
        refusal: 'MCP Tray does not run a package whose registry hash it cannot check: an image is checked by the digest in its name (image@sha256:…), not by a file hash.',
      };
    }
    return pkg.identifier.includes('@sha256:')
      ? { verification: 'verified', note: 'docker checks the image against the digest in its name.', refusal: null }
      : { verification: 'unverified', note: 'The registry gives no digest: docker pulls the image by tag, unchecked.', refusal: null };
  }
  return { verification: hash ? 'uncheckable' : 'unverified', note: `MCP Tray cannot install ${pkg.registryType} packages yet.`, refusal: null };
}

/**
 * Plans one package. `verifiedFile` is the npm tarball already checked against the registry's
 * hash: the command then runs that file instead of fetching the package again.
 */
export function planPackage(pkg: RegistryPackage, index: number, runtimes: RuntimeView, verifiedFile?: string): PackagePlan {
  const runtime = RUNTIME_OF[pkg.registryType] ?? null;
  const { verification, note, refusal } = verificationOf(pkg);
  const env: Record<string, string> = {};
  const variables: PackageVariable[] = [];
  const secretEnv: string[] = [];
  const problems: string[] = [];
  for (const variable of pkg.environmentVariables ?? []) {
    if (!ENV_NAME_PATTERN.test(variable.name)) {
      problems.push(`its variable "${variable.name}" is not a valid environment variable name`);
      continue;
    }
    const isSecret = variable.isSecret === true;
    const fixed = !isSecret && variable.value !== undefined;
    if (fixed) env[variable.name] = fill(variable.value ?? '', variable.variables);
    else if (!isSecret && variable.default !== undefined) env[variable.name] = variable.default;
    if (isSecret) secretEnv.push(variable.name);
    variables.push({
      name: variable.name,
      description: variable.description ?? null,
      isSecret,
      isRequired: variable.isRequired === true,
      default: isSecret ? null : (variable.default ?? null),
      fixed,
      choices: variable.choices ?? [],
    });
  }
  const runtimeArgs = runtimeFlagValues(pkg.runtimeArguments);
  problems.push(...runtimeArgs.problems);
  const identityProblem = packageIdentityProblem(pkg);
  if (identityProblem) problems.push(identityProblem);
  const packageArgs = argumentValues(pkg.packageArguments);
  const unanswered = [...runtimeArgs.unanswered, ...packageArgs.unanswered];
  if (unanswered.length > 0) problems.push(`it needs a value for ${unanswered.join(', ')}, which MCP Tray cannot ask for yet`);

  let command: string | null = runtime;
  let args: string[] = [];
  if (pkg.registryType === 'npm') {
    // npm exec reads everything after `--` as the package and its arguments, never as its own options.
    args = ['-y', ...runtimeArgs.values, '--', verifiedFile ?? `${pkg.identifier}@${pkg.version ?? ''}`, ...packageArgs.values];
  } else if (pkg.registryType === 'pypi') {
    args = [...runtimeArgs.values, `${pkg.identifier}==${pkg.version ?? ''}`, ...packageArgs.values];
  } else if (pkg.registryType === 'oci') {
    const passed = variables.flatMap((variable) => ['-e', variable.name]);
    args = ['run', '-i', '--rm', ...runtimeArgs.values, ...passed, imageOf(pkg.identifier, pkg.version), ...packageArgs.values];
  } else {
    command = null;
  }

  const whyNot = (() => {
    if (runtime === null) return `MCP Tray cannot install ${pkg.registryType} packages yet; only npm, pypi and oci packages.`;
    if (pkg.transport.type !== 'stdio') return `This package serves MCP over ${pkg.transport.type}; MCP Tray installs packages that speak stdio only.`;
    if (pkg.version === undefined && pkg.registryType !== 'oci') return 'The entry names no exact package version, and MCP Tray installs exact versions only.';
    if (refusal) return refusal;
    if (problems.length > 0) return `MCP Tray cannot install this package: ${problems.join('; ')}.`;
    if (!runtimes.paths[runtime]) return runtimes.missingMessage(runtime, `This ${pkg.registryType} package`);
    if (verification === 'verified' && pkg.registryType === 'npm' && !runtimes.paths.npm) return runtimes.missingMessage('npm', 'Checking the package file against the registry hash');
    return null;
  })();

  return {
    index,
    registryType: pkg.registryType,
    identifier: pkg.identifier,
    version: pkg.version ?? null,
    transport: pkg.transport.type,
    runtime,
    runtimePath: runtime ? (runtimes.paths[runtime] ?? null) : null,
    command,
    args,
    runtimeFlags: runtimeArgs.values,
    env,
    variables,
    secretEnv,
    installable: whyNot === null,
    whyNot,
    verification,
    fileSha256: pkg.fileSha256 ?? null,
    verificationNote: note,
  };
}
