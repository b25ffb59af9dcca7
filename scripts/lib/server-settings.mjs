// Settings `start` picks for the MongoDB-compatible server it starts itself (never for one the user gives).

/**
 * FerretDB 1.24 makes PostgreSQL read the whole orders table once per job (its indexes cannot serve the `@>`
 * filters it sends), so on the embedded FerretDB fewer, larger jobs are faster: 5.5 s of scan per job on a
 * 1,000,000-order table here (bench/README.md, fourth pass). On MongoDB a job is an index lookup and the
 * default (5,000) keeps progress and retries fine-grained. Correctness never depends on it.
 */
export const EMBEDDED_FERRETDB_ORDERS_PER_JOB = '50000';

/**
 * A lane's progress is seen when one of its jobs finishes. With jobs of 50,000 orders on the embedded FerretDB the
 * million run's NORMAL window took 626 s with all 15 of its jobs running at once (README, "A million orders"), so
 * the default stall alert (300 s) would fire on a healthy run; 1,200 s covers MAX_ORDERS (1,500,000) at that rate.
 */
export const EMBEDDED_FERRETDB_STALL_ALERT_S = '1200';

/** Environment additions for the backend, with one line per setting saying why; a variable the user set wins. */
export function settingsForStartedServer(mongoServer, env = process.env) {
  if (mongoServer !== 'ferretdb' || env.ORDERS_PER_JOB) return { env: {}, notes: [] };
  const stall = env.STALL_ALERT_S ? {} : { STALL_ALERT_S: EMBEDDED_FERRETDB_STALL_ALERT_S };
  return {
    env: { ORDERS_PER_JOB: EMBEDDED_FERRETDB_ORDERS_PER_JOB, ...stall },
    notes: [
      `ORDERS_PER_JOB=${EMBEDDED_FERRETDB_ORDERS_PER_JOB} for the embedded FerretDB (fewer, larger jobs: PostgreSQL scans the orders table once per job; set ORDERS_PER_JOB to choose)`,
      ...(env.STALL_ALERT_S ? [] : [`STALL_ALERT_S=${EMBEDDED_FERRETDB_STALL_ALERT_S} with those jobs (a lane shows progress only when a job of 50,000 orders finishes; set STALL_ALERT_S to choose)`]),
    ],
  };
}
