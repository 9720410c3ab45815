import { version } from '../../../package.json';

export const GITHUB_SERVER_VERSION: string = version;

/** GitHub asks every API client to identify itself; this names the app, not the person. */
export const GITHUB_USER_AGENT = `mcp-tray-github/${GITHUB_SERVER_VERSION}`;
