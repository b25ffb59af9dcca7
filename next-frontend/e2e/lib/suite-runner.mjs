import { dropTestDatabase } from './events-db.mjs';
import { stopAll } from './processes.mjs';

/**
 * Runs a browser suite's `main` within `timeoutMs`, then stops every process it started, drops its test
 * database, prints the tally of `results` and exits (non-zero on any failure, a setup error or the time limit).
 */
export function runSuite({ what, main, results, timeoutMs, log }) {
  const watchdog = setTimeout(() => {
    console.log(`✗ ${what} exceeded ${timeoutMs} ms`);
    results.push({ name: 'total time limit', ok: false });
    finish(1);
  }, timeoutMs);

  let finishing = false;
  async function finish(code) {
    if (finishing) return;
    finishing = true;
    clearTimeout(watchdog);
    await stopAll();
    if (process.env.MONGO_URI) await dropTestDatabase(process.env.MONGO_URI).catch((error) => log(`could not drop the test database: ${error.message}`));
    const passed = results.filter((r) => r.ok).length;
    const failed = results.length - passed;
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(code || (failed > 0 ? 1 : 0));
  }

  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => finish(1));

  main()
    .then(() => finish(0))
    .catch((error) => {
      console.log(`✗ setup: ${error?.stack || error}`);
      results.push({ name: 'setup', ok: false, error });
      finish(1);
    });
}
