// Settings `start` picks for the MongoDB-compatible server it starts itself (never for one the user gives).

/**
 * FerretDB 1.24 makes PostgreSQL read the whole orders table once per job (its indexes cannot serve the `@>`
 * filters it sends), so on the embedded FerretDB fewer, larger jobs are faster: 5.5 s of scan per job on a
 * 1,000,000-order table here (bench/README.md, fourth pass). On MongoDB a job is an index lookup and the
 * default (5,000) keeps progress and retries fine-grained. Correctness never depends on it.
 */
export const EMBEDDED_FERRETDB_ORDERS_PER_JOB = '50000';

/** Environment additions for the backend, with one line per setting saying why; a variable the user set wins. */
export function settingsForStartedServer(mongoServer, env = process.env) {
  if (mongoServer !== 'ferretdb' || env.ORDERS_PER_JOB) return { env: {}, notes: [] };
  return {
    env: { ORDERS_PER_JOB: EMBEDDED_FERRETDB_ORDERS_PER_JOB },
    notes: [`ORDERS_PER_JOB=${EMBEDDED_FERRETDB_ORDERS_PER_JOB} for the embedded FerretDB (fewer, larger jobs: PostgreSQL scans the orders table once per job; set ORDERS_PER_JOB to choose)`],
  };
}
