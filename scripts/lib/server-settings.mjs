// Settings `start` picks for the MongoDB-compatible server it starts itself (never for one the user gives).

/**
 * FerretDB 1.24 makes PostgreSQL read the whole orders table once per job (its indexes cannot serve the `@>`
 * filters it sends), so on the embedded FerretDB fewer, larger jobs are faster: 5.5 s of scan per job on a
 * 1,000,000-order table here (bench/README.md, fourth pass). On MongoDB a job is an index lookup and the
 * default (5,000) keeps progress and retries fine-grained. Correctness never depends on it.
 */
export const EMBEDDED_FERRETDB_ORDERS_PER_JOB = '50000';

/**
 * FerretDB 1.24 cannot use an index for a filter (it scans), yet rewrites every index of a document it updates,
 * so the order-search indexes only slow its processing down (bench/README.md, "Order-search indexes").
 */
export const EMBEDDED_FERRETDB_ORDER_SEARCH_INDEXES = 'false';

/** Environment additions for the backend, with one line per setting saying why; a variable the user set wins. */
export function settingsForStartedServer(mongoServer, env = process.env) {
  const settings = { env: {}, notes: [] };
  if (mongoServer !== 'ferretdb') return settings;
  if (!env.ORDERS_PER_JOB) {
    settings.env.ORDERS_PER_JOB = EMBEDDED_FERRETDB_ORDERS_PER_JOB;
    settings.notes.push(`ORDERS_PER_JOB=${EMBEDDED_FERRETDB_ORDERS_PER_JOB} for the embedded FerretDB (fewer, larger jobs: PostgreSQL scans the orders table once per job; set ORDERS_PER_JOB to choose)`);
  }
  if (!env.ORDER_SEARCH_INDEXES) {
    settings.env.ORDER_SEARCH_INDEXES = EMBEDDED_FERRETDB_ORDER_SEARCH_INDEXES;
    settings.notes.push('ORDER_SEARCH_INDEXES=false for the embedded FerretDB (it cannot use them and rewrites each for every processed order; searches scan; set ORDER_SEARCH_INDEXES to choose)');
  }
  return settings;
}
