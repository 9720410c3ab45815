import { runWeatherServer } from './server';

try {
  await runWeatherServer(process.env, process.argv.slice(2));
} catch (error) {
  // Start-up failures (mostly a bad environment variable) are one plain line for whoever launched us.
  const reason = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Weather server could not start: ${reason}\n`);
  process.exit(1);
}
