import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Collection } from 'mongodb';
import { Model } from 'mongoose';
import { RunPage, RunStore } from '../../domain/ports/run-store.port';
import { ProcessRun } from '../../domain/run';
import { PHASES, Phase, isActivePhase } from '../../domain/run-phase';
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

@Injectable()
export class MongoRunStore extends RunStore {
  private readonly runs: Collection<RunRecord>;

  constructor(@InjectModel(ProcessRunDocument.name) model: Model<ProcessRunDocument>) {
    super();
    this.runs = model.collection as unknown as Collection<RunRecord>;
  }

  async create(run: ProcessRun): Promise<void> {
    await this.runs.insertOne(toRecord(run));
  }

  async update(runId: string, changes: Partial<ProcessRun>): Promise<void> {
    await this.runs.updateOne({ _id: runId }, { $set: { ...withoutRunId(changes), updatedAt: new Date() } });
  }

  async transition(runId: string, from: Phase, to: Phase, changes: Partial<ProcessRun> = {}): Promise<boolean> {
    const result = await this.runs.updateOne({ _id: runId, phase: from }, { $set: { ...withoutRunId(changes), phase: to, updatedAt: new Date() } });
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
