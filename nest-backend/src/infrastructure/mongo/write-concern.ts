/**
 * The write concern of every write: `majority`, unless `MONGO_URI` names one (`?w=…`). The database is the
 * record the drains and the recounts trust, so an acknowledged write must survive a replica-set failover: with
 * `w: 1` a new primary can roll back orders a worker marked processed (they would run again) or a phase change.
 */
export function writeConcernFor(mongoUri: string): { writeConcern?: { w: 'majority' } } {
  return /[?&]w=/i.test(mongoUri) ? {} : { writeConcern: { w: 'majority' } };
}
