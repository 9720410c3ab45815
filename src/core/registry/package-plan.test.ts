import { describe, expect, it } from 'vitest';
import { planPackage, type RuntimeView } from './package-plan';
import { PackageSchema } from './server-json';

const everyRuntime: RuntimeView = {
  paths: { npx: '/bin/npx', uvx: '/bin/uvx', docker: '/bin/docker', npm: '/bin/npm' },
  missingMessage: (name, purpose) => `${purpose} needs ${name}`,
};
const pkg = (fields: Record<string, unknown>) => PackageSchema.parse({ transport: { type: 'stdio' }, ...fields });

describe('planPackage', () => {
  it('puts runtime arguments before the package and package arguments after it, filling {variables}', () => {
    const plan = planPackage(
      pkg({
        registryType: 'npm',
        identifier: '@scope/server',
        version: '1.2.3',
        runtimeArguments: [{ type: 'named', name: '--node-options', value: '--max-old-space-size=256' }],
        packageArguments: [
          { type: 'positional', valueHint: 'root', value: '{dir}/data', variables: { dir: { default: '/srv' } } },
          { type: 'named', name: '--verbose', isRequired: false },
        ],
      }),
      0,
      everyRuntime,
    );
    expect(plan.args).toEqual(['-y', '--node-options', '--max-old-space-size=256', '@scope/server@1.2.3', '/srv/data']);
  });

  it('cannot install a package that needs an argument with no value, or one that is not stdio', () => {
    const unanswered = planPackage(pkg({ registryType: 'pypi', identifier: 'srv', version: '1', packageArguments: [{ type: 'positional', valueHint: 'path', isRequired: true }] }), 0, everyRuntime);
    expect(unanswered.whyNot).toMatch(/needs a value for path/);
    const http = planPackage(pkg({ registryType: 'npm', identifier: 'srv', version: '1', transport: { type: 'streamable-http', url: 'http://localhost:3000/mcp' } }), 0, everyRuntime);
    expect(http.whyNot).toMatch(/streamable-http/);
  });

  it('refuses a PyPI or OCI hash it cannot check, and trusts an image digest', () => {
    const hash = 'a'.repeat(64);
    expect(planPackage(pkg({ registryType: 'pypi', identifier: 'srv', version: '1', fileSha256: hash }), 0, everyRuntime)).toMatchObject({ installable: false, verification: 'uncheckable' });
    expect(planPackage(pkg({ registryType: 'oci', identifier: 'ghcr.io/a/b', version: '1', fileSha256: hash }), 0, everyRuntime)).toMatchObject({ installable: false, verification: 'uncheckable' });
    const pinned = planPackage(pkg({ registryType: 'oci', identifier: `ghcr.io/a/b@sha256:${hash}` }), 0, everyRuntime);
    expect(pinned).toMatchObject({ installable: true, verification: 'verified' });
    expect(pinned.args.at(-1)).toBe(`ghcr.io/a/b@sha256:${hash}`);
    expect(planPackage(pkg({ registryType: 'oci', identifier: 'ghcr.io/a/b', version: '2.0' }), 0, everyRuntime).args.at(-1)).toBe('ghcr.io/a/b:2.0');
  });

  it('needs npm as well as npx to check an npm file against its hash', () => {
    const withoutNpm: RuntimeView = { ...everyRuntime, paths: { npx: '/bin/npx' } };
    const plan = planPackage(pkg({ registryType: 'npm', identifier: 'srv', version: '1', fileSha256: 'b'.repeat(64) }), 0, withoutNpm);
    expect(plan.whyNot).toBe('Checking the package file against the registry hash needs npm');
  });
});
