import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Collection } from 'mongodb';
import Redis from 'ioredis';
import { Model } from 'mongoose';
import { RunPage, RunStore } from '../../domain/ports/run-store.port';
import { ProcessRun } from '../../domain/run';
import { PHASES, Phase, isActivePhase } from '../../domain/run-phase';
import { RedisKeys } from '../redis/redis-keys';
import { RedisMutex } from '../redis/redis-mutex';
import { ProcessRunDocument } from './process-run.schema';

type RunRecord = Omit<ProcessRun, 'runId'> & { _id: string };

const ACTIVE_PHASES = PHASES.filter(isActivePhase);

function toRun({ _id, ...fields }: RunRecord): ProcessRun {
  return { runId: _id, ...fields };
}

function toRecord({ runId, ...fields }: ProcessRun): RunRecord {
  return { _id: runId, ...fields };
}

function withoutRunId(changes: Partial<ProcessRun>): Partial<RunRecord> {
  const { runId: _ignored, ...rest } = changes;
  return rest;
}

/**
 * Runs in `process_runs`. Every write to a run holds a per-run Redis lock: FerretDB (v1, PostgreSQL)
 * applies an update as read-modify-write of the whole document without isolation, so two concurrent
 * conditional updates both succeed and a concurrent `$set` of other fields can put back an old phase.
 * A cancel racing the driver's own write was lost that way, and the cancelled run went on to DONE.
 */
@Injectable()
export class MongoRunStore extends RunStore {
  private readonly runs: Collection<RunRecord>;
  private readonly writes: RedisMutex;

  constructor(
    @InjectModel(ProcessRunDocument.name) model: Model<ProcessRunDocument>,
    redis: Redis,
    private readonly keys: RedisKeys,
  ) {
    super();
    this.runs = model.collection as unknown as Collection<RunRecord>;
    this.writes = new RedisMutex(redis);
  }

  async create(run: ProcessRun): Promise<void> {
    await this.runs.insertOne(toRecord(run));
  }

  async update(runId: string, changes: Partial<ProcessRun>): Promise<void> {
    await this.writes.withLock(this.keys.runWrites(runId), () =>
      this.runs.updateOne({ _id: runId }, { $set: { ...withoutRunId(changes), updatedAt: new Date() } }),
    );
  }

  async transition(runId: string, from: Phase, to: Phase, changes: Partial<ProcessRun> = {}): Promise<boolean> {
    const result = await this.writes.withLock(this.keys.runWrites(runId), () =>
      this.runs.updateOne({ _id: runId, phase: from }, { $set: { ...withoutRunId(changes), phase: to, updatedAt: new Date() } }),
    );
    return result.matchedCount === 1;
  }

  async findById(runId: string): Promise<ProcessRun | null> {
    const record = await this.runs.findOne({ _id: runId });
    return record && toRun(record);
  }

  async findLatest(): Promise<ProcessRun | null> {
    const record = await this.runs.findOne({}, { sort: { createdAt: -1 } });
    return record && toRun(record);
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
    return (await this.runs.deleteMany({})).deletedCount;
  }
}
