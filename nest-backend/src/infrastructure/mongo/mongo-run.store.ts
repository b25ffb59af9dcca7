import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Collection, Filter } from 'mongodb';
import Redis from 'ioredis';
import { Model } from 'mongoose';
import { RunPage, RunStore } from '../../domain/ports/run-store.port';
import { ProcessRun } from '../../domain/run';
import { PHASES, Phase, isActivePhase } from '../../domain/run-phase';
import { RedisClient } from '../redis/redis-client';
import { RedisKeys } from '../redis/redis-keys';
import { MirroredRun, RedisLatestRun } from '../redis/redis-latest-run';
import { RedisMutex } from '../redis/redis-mutex';
import { ProcessRunDocument } from './process-run.schema';

/** `revision` counts the writes of a run, so an older copy never replaces a newer one in the status mirror. */
type RunRecord = Omit<ProcessRun, 'runId'> & { _id: string; revision?: number };

/**
 * While the status mirror is being read, each process compares it with the database this often (in the
 * background), which puts right a copy that missed a write (a crash between the two, a Redis restart).
 */
const MIRROR_CHECK_EVERY_MS = 5_000;

const ACTIVE_PHASES = PHASES.filter(isActivePhase);

function toRun({ _id, revision: _revision, ...fields }: RunRecord): ProcessRun {
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
 * Each write also copies the run to a Redis mirror (under the same lock, so in order) that status
 * reads use: FerretDB's `findOne` alone has a p99 of tens of milliseconds while a run writes.
 */
@Injectable()
export class MongoRunStore extends RunStore {
  private readonly runs: Collection<RunRecord>;
  private readonly writes: RedisMutex;
  private readonly mirror: RedisLatestRun;
  private refreshing: Promise<ProcessRun | null> | null = null;
  private lastMirrorCheck = 0;

  constructor(
    @InjectModel(ProcessRunDocument.name) model: Model<ProcessRunDocument>,
    @Inject(Redis) redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {
    super();
    this.runs = model.collection as unknown as Collection<RunRecord>;
    this.writes = new RedisMutex(redis);
    this.mirror = new RedisLatestRun(redis, keys);
  }

  async create(run: ProcessRun): Promise<void> {
    const record = { ...toRecord(run), revision: 0 };
    await this.runs.insertOne(record);
    await this.copyToMirror(record);
  }

  async update(runId: string, changes: Partial<ProcessRun>): Promise<void> {
    await this.writeAndMirror(runId, { _id: runId }, { ...withoutRunId(changes), updatedAt: new Date() });
  }

  async transition(runId: string, from: Phase, to: Phase, changes: Partial<ProcessRun> = {}): Promise<boolean> {
    return this.writeAndMirror(runId, { _id: runId, phase: from }, { ...withoutRunId(changes), phase: to, updatedAt: new Date() });
  }

  /** Returns false when no run matched the filter. */
  private async writeAndMirror(runId: string, filter: Filter<RunRecord>, fields: Partial<RunRecord>): Promise<boolean> {
    return this.writes.withLock(this.keys.runWrites(runId), async () => {
      const written = await this.runs.findOneAndUpdate(filter, { $set: fields, $inc: { revision: 1 } }, { returnDocument: 'after' });
      if (written) await this.copyToMirror(written);
      return written !== null;
    });
  }

  /** A mirror that missed a write is put right by the next write or refresh, so a failure here fails nothing. */
  private async copyToMirror(record: RunRecord): Promise<void> {
    await this.mirror.write(toRun(record), record.revision ?? 0).catch(() => undefined);
  }

  async findLatestMirrored(): Promise<ProcessRun | null> {
    const held = await this.mirror.read().catch(() => null);
    if (!held) return this.refreshMirror(null);
    if (Date.now() - this.lastMirrorCheck >= MIRROR_CHECK_EVERY_MS) void this.refreshMirror(held).catch(() => undefined);
    return held.run;
  }

  /** One database read at a time per process, however many status reads ask for it; writes only what changed. */
  private refreshMirror(held: MirroredRun | null): Promise<ProcessRun | null> {
    this.lastMirrorCheck = Date.now();
    this.refreshing ??= (async () => {
      const record = await this.runs.findOne({}, { sort: { createdAt: -1 } });
      if (!record) await this.mirror.clear().catch(() => undefined);
      else if (record._id !== held?.run.runId || (record.revision ?? 0) !== held.revision) await this.copyToMirror(record);
      return record && toRun(record);
    })().finally(() => (this.refreshing = null));
    return this.refreshing;
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
    const { deletedCount } = await this.runs.deleteMany({});
    await this.mirror.clear();
    return deletedCount;
  }
}
