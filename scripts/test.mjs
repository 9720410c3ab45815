// npm test: typecheck, build, unit + integration tests (vitest), end-to-end tests (Playwright),
// then one closing line: "tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';

const totals = { passed: 0, failed: 0, skipped: 0 };
mkdirSync('test-results', { recursive: true });

function run(label, command, args, env = {}) {
  console.log(`\n== ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function step(label, command, args) {
  if (run(label, command, args)) return true;
  console.log(`${label} failed`);
  totals.failed += 1;
  return false;
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

if (step('typecheck', npm, ['run', '--silent', 'typecheck']) && step('build', npm, ['run', '--silent', 'build'])) {
  run('unit and integration tests (vitest)', npx, [
    'vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json',
  ], { MCP_TRAY_SKIP_BUILD: '1' });
  countVitest('test-results/vitest.json');

  const hasE2e = existsSync('e2e') && readdirSync('e2e').some((name) => name.endsWith('.spec.ts'));
  if (hasE2e) {
    run('end-to-end tests (Playwright, system Chromium)', npx, ['playwright', 'test'], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/playwright.json',
    });
    countPlaywright('test-results/playwright.json');
  }
}

function countVitest(file) {
  if (!existsSync(file)) {
    console.log('vitest wrote no report');
    totals.failed += 1;
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests;
  // A file that fails to load has no test results of its own; count it so it cannot pass unseen.
  const brokenFiles = report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0);
  totals.failed += report.numFailedTests + brokenFiles.length + (report.numTotalTests === 0 ? 1 : 0);
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

function countPlaywright(file) {
  if (!existsSync(file)) {
    console.log('Playwright wrote no report');
    totals.failed += 1;
    return;
  }
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += stats.expected + (stats.flaky ?? 0);
  totals.failed += stats.unexpected;
  totals.skipped += stats.skipped;
}

const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 ? 1 : 0);
