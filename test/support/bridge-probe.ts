import path from 'node:path';
import { projectRoot } from './mcp-child';

/** The bridge probe fixture server (test/fixtures/bridge-probe-server.ts), built by the global setup. */
export const bridgeProbeServerPath = path.join(projectRoot, 'out/test/bridge-probe-server.js');
