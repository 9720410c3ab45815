// Run by scripts/build-servers.mjs at build time: importing both servers' tools builds every tool schema
// (they are module-level constants), and toolJsonSchemasForBuild converts each the way the SDK would at
// run time. The GitHub tools' cards (src/servers/github/tool-cards.ts) are made here too.
import '../src/servers/weather/server';
import '../src/servers/github/server';
import { GITHUB_TOOLS } from '../src/servers/github/tools/all-tools';
import { cardOf } from '../src/servers/github/tool-cards';

export { toolJsonSchemasForBuild } from '../src/servers/kit/tool-schema';

export const gitHubToolCardsForBuild = () => GITHUB_TOOLS.map(cardOf);
