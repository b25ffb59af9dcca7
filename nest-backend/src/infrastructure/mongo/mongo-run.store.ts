import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Collection, Filter } from 'mongodb';
import { Model } from 'mongoose';
import { RunPage, RunStore } from '../../domain/ports/run-store.port';
import { ProcessRun } from '../../domain/run';
import { PHASES, Phase, isActivePhase } from '../../domain/run-phase';
import { RunRecords, StoredRun } from '../run-store/run-records';
import { ProcessRunDocument } from './process-run.schema';

/** `revision` counts the writes of a run, so an older copy of it never replaces a newer one. */
type RunRecord = Omit<ProcessRun, 'runId'> & { _id: string; revision?: number };

const ACTIVE_PHASES = PHASES.filter(isActivePhase);

function toRun({ _id, revision: _revision, ...fields }: RunRecord): ProcessRun {
  return { runId: _id, ...fields };
}

function toStored(record: RunRecord): StoredRun {
  return { run: toRun(record), revision: record.revision ?? 0 };
}

function toRecord({ runId, ...fields }: ProcessRun): RunRecord {
  return { _id: runId, ...fields };
}

function withoutRunId(changes: Partial<ProcessRun>): Partial<RunRecord> {
  const { runId: _ignored, ...rest } = changes;
  return rest;
}

/**
 * Runs in `process_runs`, and nothing else: each write bumps the run's `revision` and hands back the run as
 * stored. Writes of one run must not overlap on FerretDB (see MirroredRunStore, which serializes them).
 */
@Injectable()
export class MongoRunStore extends RunStore implements RunRecords {
  private readonly runs: Collection<RunRecord>;

  constructor(@InjectModel(ProcessRunDocument.name) model: Model<ProcessRunDocument>) {
    super();
    this.runs = model.collection as unknown as Collection<RunRecord>;
  }

  async create(run: ProcessRun): Promise<void> {
    await this.insert(run);
  }

  async update(runId: string, changes: Partial<ProcessRun>): Promise<void> {
    await this.write(runId, null, changes);
  }

  async transition(runId: string, from: Phase, to: Phase, changes: Partial<ProcessRun> = {}): Promise<boolean> {
    return (await this.write(runId, from, { ...changes, phase: to })) !== null;
  }

  async insert(run: ProcessRun): Promise<StoredRun> {
    const record = { ...toRecord(run), revision: 0 };
    await this.runs.insertOne(record);
    return toStored(record);
  }

  async write(runId: string, onlyFrom: Phase | null, changes: Partial<ProcessRun>): Promise<StoredRun | null> {
    const filter: Filter<RunRecord> = onlyFrom === null ? { _id: runId } : { _id: runId, phase: onlyFrom };
    const fields = { ...withoutRunId(changes), updatedAt: new Date() };
    const written = await this.runs.findOneAndUpdate(filter, { $set: fields, $inc: { revision: 1 } }, { returnDocument: 'after' });
    return written && toStored(written);
  }

  async findById(runId: string): Promise<ProcessRun | null> {
    const record = await this.runs.findOne({ _id: runId });
    return record && toRun(record);
  }

  async findLatest(): Promise<ProcessRun | null> {
    return (await this.findLatestStored())?.run ?? null;
  }

  async findLatestStored(): Promise<StoredRun | null> {
    const record = await this.runs.findOne({}, { sort: { createdAt: -1 } });
    return record && toStored(record);
  }

  async findActive(): Promise<ProcessRun[]> {
    const records = await this.runs.find({ phase: { $in: ACTIVE_PHASES } }).sort({ createdAt: 1 }).toArray();
    return records.map(toRun);
  }

  async list(page: number, limit: number): Promise<RunPage> {
    const [records, total] = await Promise.all([
      this.runs.find({}).sort({ createdAt: -1 }).skip((page - 1) * limit).limit(limit).toArray(),
      this.runs.countDocuments({}),
    ]);
    return { items: records.map(toRun), total };
  }

  async deleteAll(): Promise<number> {
    const { deletedCount } = await this.runs.deleteMany({});
    return deletedCount;
  }
}
