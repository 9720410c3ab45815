/**
 * What the global setup hands to every spec (through the environment, which Playwright's workers
 * inherit): where the headless host listens, its link and token, and the sandbox it runs in.
 */
import { z } from 'zod';

export const E2E_CONTEXT_VARIABLE = 'MCP_TRAY_E2E_CONTEXT';

const E2eContextSchema = z.object({
  /** http://127.0.0.1:<port> */
  origin: z.string().url(),
  /** The link `serve` printed, with ?token=. */
  url: z.string().url(),
  token: z.string().min(1),
  servePid: z.number().int(),
  /** The temp HOME: client configs (Claude Desktop's) are written under it. */
  home: z.string(),
  dataDir: z.string(),
  /** The environment for running the built CLI against the same manager. */
  cliEnv: z.record(z.string(), z.string()),
  /** A token the fake GitHub accepts, for the specs that set one through the UI. */
  githubToken: z.string(),
  githubApiUrl: z.string().url(),
});
export type E2eContext = z.infer<typeof E2eContextSchema>;

export function readE2eContext(): E2eContext {
  const raw = process.env[E2E_CONTEXT_VARIABLE];
  if (!raw) throw new Error(`${E2E_CONTEXT_VARIABLE} is not set: run the specs with "npx playwright test" (playwright.config.ts's globalSetup starts the host).`);
  return E2eContextSchema.parse(JSON.parse(raw));
}
