import { RunStore } from '../../domain/ports/run-store.port';
import { ProcessRun } from '../../domain/run';
import { Phase } from '../../domain/run-phase';

/** A run as the database holds it, with the count of its writes, so copies can tell which version is newer. */
export interface StoredRun {
  run: ProcessRun;
  revision: number;
}

/** The database's run store, with writes that hand back what they stored (MongoRunStore). */
export interface RunRecords extends RunStore {
  insert(run: ProcessRun): Promise<StoredRun>;
  /** Applies the changes (only while the run is in `onlyFrom`, when given); null when no run matched. */
  write(runId: string, onlyFrom: Phase | null, changes: Partial<ProcessRun>): Promise<StoredRun | null>;
  findLatestStored(): Promise<StoredRun | null>;
}

/** Where the latest run is copied for fast status reads (RedisLatestRun). */
export interface RunMirror {
  /** Keeps this version unless the copy holds a newer one (a later revision, or a later run). */
  write(run: ProcessRun, revision: number): Promise<void>;
  read(): Promise<StoredRun | null>;
  clear(): Promise<void>;
}

/** Mutual exclusion across processes (RedisMutex). */
export interface KeyedLock {
  withLock<T>(key: string, work: () => Promise<T>): Promise<T>;
}
