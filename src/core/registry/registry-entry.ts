/** How a registry entry is shown: its summary for a result list, and in full with each package's plan. */
import type { RegistryEntry, RegistrySummary } from '../../shared/registry-contract';
import { planPackage, type RuntimeView } from './package-plan';
import type { ServerResponse } from './server-json';

export function namespaceOf(name: string): string {
  return name.slice(0, name.indexOf('/'));
}

export function trustNoteOf(name: string): string {
  return `Installing runs code published under "${namespaceOf(name)}" on this computer, with your user's rights. The registry checked that this publisher owns that namespace, not what the code does.`;
}

export function entryOf(response: ServerResponse, runtimes: RuntimeView, suggestedId: string): RegistryEntry {
  const { server } = response;
  const packages = (server.packages ?? []).map((pkg, index) => planPackage(pkg, index, runtimes));
  const remotes = (server.remotes ?? []).map((remote) => ({ type: remote.type, url: remote.url }));
  return {
    name: server.name,
    title: server.title ?? null,
    description: server.description,
    version: server.version,
    namespace: namespaceOf(server.name),
    packageTypes: [...new Set(packages.map((plan) => plan.registryType))],
    remote: packages.length === 0 && remotes.length > 0,
    installable: packages.some((plan) => plan.installable),
    websiteUrl: server.websiteUrl ?? null,
    repositoryUrl: server.repository?.url ?? null,
    packages,
    remotes,
    suggestedId,
    trustNote: trustNoteOf(server.name),
  };
}

export function summaryOf(entry: RegistryEntry): RegistrySummary {
  const { name, title, description, version, namespace, packageTypes, remote, installable } = entry;
  return { name, title, description, version, namespace, packageTypes, remote, installable };
}
