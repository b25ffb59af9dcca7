import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What scripts/local-services.mjs found or started (the same as `pnpm start` and `pnpm test` use). */
export interface LocalServices {
  mongoUri: string;
  redisUrl: string;
  mongoServer: string;
  redisServer: string;
  stop: () => Promise<void>;
}

// tsc turns `import()` into `require()` under CommonJS; the script is an ES module.
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<{
  ensureServices: (options: { log: (line: string) => void; mongoDatabase: string; handleSignals: boolean }) => Promise<LocalServices>;
}>;

/**
 * When MONGO_URI or REDIS_URL is unset, finds or starts that service as `start` and `test` do, and says which;
 * a URL that is set is used as given. Null when both are set (nothing to find).
 */
export async function findOrStartServices(repoRoot: string): Promise<LocalServices | null> {
  if (process.env.MONGO_URI && process.env.REDIS_URL) return null;
  const { ensureServices } = await importModule(pathToFileURL(join(repoRoot, 'scripts', 'local-services.mjs')).href);
  const services = await ensureServices({ log: (line) => process.stderr.write(`bench: [services] ${line}\n`), mongoDatabase: 'pedidos_bench', handleSignals: false });
  process.stderr.write(`bench: services from scripts/local-services.mjs: MongoDB ${services.mongoServer}, Redis ${services.redisServer}\n`);
  return services;
}
