import path from 'node:path';
import { projectRoot } from './mcp-child';

/** The playground protocol fixture server (test/fixtures/playground-server.ts), built by the global setup. */
export const playgroundServerPath = path.join(projectRoot, 'out/test/playground-server.js');
