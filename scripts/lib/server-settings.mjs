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

/**
 * A lane's progress is seen when one of its jobs finishes. With jobs of 50,000 orders on the embedded FerretDB the
 * million run's NORMAL window took 626 s with all 15 of its jobs running at once (README, "A million orders"), so
 * the default stall alert (300 s) would fire on a healthy run; 1,200 s covers MAX_ORDERS (1,500,000) at that rate.
 */
export const EMBEDDED_FERRETDB_STALL_ALERT_S = '1200';

/** Environment additions for the backend, with one line per setting saying why; a variable the user set wins. */
export function settingsForStartedServer(mongoServer, env = process.env) {
  const settings = { env: {}, notes: [] };
  if (mongoServer !== 'ferretdb') return settings;
  if (!env.ORDERS_PER_JOB) {
    settings.env.ORDERS_PER_JOB = EMBEDDED_FERRETDB_ORDERS_PER_JOB;
    settings.notes.push(`ORDERS_PER_JOB=${EMBEDDED_FERRETDB_ORDERS_PER_JOB} for the embedded FerretDB (fewer, larger jobs: PostgreSQL scans the orders table once per job; set ORDERS_PER_JOB to choose)`);
    if (!env.STALL_ALERT_S) {
      settings.env.STALL_ALERT_S = EMBEDDED_FERRETDB_STALL_ALERT_S;
      settings.notes.push(`STALL_ALERT_S=${EMBEDDED_FERRETDB_STALL_ALERT_S} with those jobs (a lane shows progress only when a job of 50,000 orders finishes; set STALL_ALERT_S to choose)`);
    }
  }
  if (!env.ORDER_SEARCH_INDEXES) {
    settings.env.ORDER_SEARCH_INDEXES = EMBEDDED_FERRETDB_ORDER_SEARCH_INDEXES;
    settings.notes.push('ORDER_SEARCH_INDEXES=false for the embedded FerretDB (it cannot use them and rewrites each for every processed order; searches scan; set ORDER_SEARCH_INDEXES to choose)');
  }
  return settings;
}
