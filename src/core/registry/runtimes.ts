/**
 * The programs that run registry packages, and how a person gets each one. They are looked up the
 * way a server's command is at start: on the PATH a server gets (src/shared/node/server-env.ts).
 */
import { CustomServerInputSchema } from '../../shared/contract';
import { findExecutable } from '../../shared/node/find-executable';
import { buildServerEnv, type Runtime } from '../../shared/node/server-env';
import { customDefinition } from '../catalog';

export type RuntimeName = 'npx' | 'uvx' | 'docker' | 'npm';

const HOW_TO_GET: Record<RuntimeName, string> = {
  npx: 'npx comes with Node.js: install Node.js from https://nodejs.org, then try again.',
  npm: 'npm comes with Node.js: install Node.js from https://nodejs.org, then try again.',
  uvx: 'uvx comes with uv: install uv (https://docs.astral.sh/uv/getting-started/installation/), then try again.',
  docker: 'Install Docker (https://docs.docker.com/get-docker/), make sure the docker command works, then try again.',
};

/** The environment a runtime runs in: the one any custom server gets, without secrets. */
export function runtimeEnv(runtime: Runtime): Record<string, string> {
  return buildServerEnv(customDefinition(CustomServerInputSchema.parse({ id: 'registry-probe', name: 'registry probe', command: 'probe' })), runtime, {});
}

/** Where each runtime is, looked up once per answer. */
export class RuntimeLookup {
  private readonly found = new Map<RuntimeName, Promise<string | undefined>>();
  readonly env: Record<string, string>;

  constructor(runtime: Runtime) {
    this.env = runtimeEnv(runtime);
  }

  find(name: RuntimeName): Promise<string | undefined> {
    let path = this.found.get(name);
    if (!path) this.found.set(name, (path = findExecutable(name, this.env.PATH)));
    return path;
  }

  async all(): Promise<Partial<Record<RuntimeName, string>>> {
    const names: RuntimeName[] = ['npx', 'uvx', 'docker', 'npm'];
    const paths = await Promise.all(names.map((name) => this.find(name)));
    return Object.fromEntries(names.flatMap((name, index) => (paths[index] ? [[name, paths[index]]] : [])));
  }

  missingMessage(name: RuntimeName, purpose: string): string {
    return `${purpose} needs ${name}, which was not found (looked in PATH: ${this.env.PATH}). ${HOW_TO_GET[name]}`;
  }
}
