/** Whether this process reaches the services the pipeline needs; each check is bounded in time and never throws. */
export abstract class ServiceProbe {
  /** Redis (the queue, the counters and the run copy live there): whether this process's connection to it is up. */
  abstract queueReachable(): Promise<boolean>;
  abstract databaseReachable(): Promise<boolean>;
}
