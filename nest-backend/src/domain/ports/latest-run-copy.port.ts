import { ProcessRun } from '../run';

/**
 * The latest run from a copy kept beside the live counters, for status reads that must stay fast while the
 * database is busy. It trails the database only when a write of the copy was lost (a crash between the two
 * writes, a cache restart), and then by at most a few seconds: show it, never decide on it (use `RunStore`).
 */
export abstract class LatestRunCopy {
  abstract read(): Promise<ProcessRun | null>;
}
