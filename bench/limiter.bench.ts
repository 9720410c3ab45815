// npm run bench:limiter: what the per-caller rate limit costs a tool call over HTTP (npm run bench:http prints it too).
import { measureLimiterCost } from './support/limiter-cost';

await measureLimiterCost();
process.exit(0);
