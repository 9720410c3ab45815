// Run by scripts/build-servers.mjs at build time: importing both servers builds every tool schema (they are
// module-level constants), and toolJsonSchemasForBuild converts each the way the SDK would at run time.
import '../src/servers/weather/server';
import '../src/servers/github/server';

export { toolJsonSchemasForBuild } from '../src/servers/kit/tool-schema';
