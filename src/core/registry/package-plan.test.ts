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
    expect(plan.args).toEqual(['-y', '--node-options=--max-old-space-size=256', '--', '@scope/server@1.2.3', '/srv/data']);
    expect(plan.runtimeFlags).toEqual(['--node-options=--max-old-space-size=256']);
  });

  it('refuses an identifier a runtime would read as an option, a path, a URL or a git spec', () => {
    const refused = [
      { registryType: 'npm', identifier: '--registry=https://evil.example', version: '1.0.0' },
      { registryType: 'npm', identifier: 'file:../elsewhere', version: '1.0.0' },
      { registryType: 'npm', identifier: 'git+https://example.com/a/b.git', version: '1.0.0' },
      { registryType: 'npm', identifier: 'https://example.com/a.tgz', version: '1.0.0' },
      { registryType: 'npm', identifier: './local-folder', version: '1.0.0' },
      { registryType: 'npm', identifier: 'owner/repo', version: '1.0.0' },
      { registryType: 'npm', identifier: 'srv', version: '-1' },
      { registryType: 'npm', identifier: 'srv', version: '1.0.0 --registry=x' },
      { registryType: 'pypi', identifier: '-rrequirements.txt', version: '1' },
      { registryType: 'pypi', identifier: 'srv @ https://example.com/srv.whl', version: '1' },
      { registryType: 'oci', identifier: '--privileged' },
      { registryType: 'oci', identifier: 'ghcr.io/a/b --privileged' },
    ];
    for (const fields of refused) {
      const plan = planPackage(pkg(fields), 0, everyRuntime);
      expect(plan.installable, fields.identifier).toBe(false);
      expect(plan.whyNot, fields.identifier).toMatch(/identifier|version/);
    }
    for (const fields of [
      { registryType: 'npm', identifier: '@scope/some.server_x', version: '1.0.0-beta.1' },
      { registryType: 'pypi', identifier: 'Some.Server_x', version: '0.3.1' },
      { registryType: 'oci', identifier: 'localhost:5000/team/server:1.2' },
    ]) {
      expect(planPackage(pkg(fields), 0, everyRuntime).whyNot, fields.identifier).toBeNull();
    }
  });

  it('refuses a package from another registry than the default for its type, saying which', () => {
    const other = planPackage(pkg({ registryType: 'npm', registryBaseUrl: 'https://npm.evil.example', identifier: 'srv', version: '1' }), 0, everyRuntime);
    expect(other).toMatchObject({ installable: false });
    expect(other.whyNot).toMatch(/comes from the registry https:\/\/npm\.evil\.example.*registry\.npmjs\.org only/);
    expect(planPackage(pkg({ registryType: 'pypi', registryBaseUrl: 'https://pypi.org/', identifier: 'srv', version: '1' }), 0, everyRuntime).installable).toBe(true);
    expect(planPackage(pkg({ registryType: 'oci', registryBaseUrl: 'https://ghcr.io', identifier: 'ghcr.io/a/b:1' }), 0, everyRuntime).installable).toBe(true);
    expect(planPackage(pkg({ registryType: 'oci', registryBaseUrl: 'https://ghcr.io', identifier: 'a/b:1' }), 0, everyRuntime).installable).toBe(false);
  });

  it('keeps runtime options one word each, so no value stands alone to be taken for the package', () => {
    const docker = planPackage(
      pkg({ registryType: 'oci', identifier: 'ghcr.io/a/b:1', runtimeArguments: [{ type: 'named', name: '-v', value: '/data:/data' }], packageArguments: [{ type: 'positional', value: '--help' }] }),
      0,
      everyRuntime,
    );
    expect(docker.args).toEqual(['run', '-i', '--rm', '-v=/data:/data', 'ghcr.io/a/b:1', '--help']);
    expect(docker.runtimeFlags).toEqual(['-v=/data:/data']);
    const positional = planPackage(pkg({ registryType: 'npm', identifier: 'srv', version: '1', runtimeArguments: [{ type: 'positional', valueHint: 'spec', value: 'file:/tmp/evil' }] }), 0, everyRuntime);
    expect(positional.installable).toBe(false);
    expect(positional.whyNot).toMatch(/runtime argument spec is positional/);
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
