import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Collection, MongoServerError } from 'mongodb';
import { Model } from 'mongoose';
import { RunSeriesStore } from '../../domain/ports/run-series-store.port';
import { RecordedSeries } from '../../domain/throughput-series';
import { RunSeriesDocument } from './run-series.schema';

type SeriesRecord = RunSeriesDocument;

const DUPLICATE_KEY = 11000;

function toRecord({ runId, series, recorders }: RecordedSeries): SeriesRecord {
  const points = series.points.map(({ at, vip, normal, failed }) => ({ at, vip, normal, failed }));
  return {
    _id: runId,
    intervalMs: series.intervalMs,
    points,
    recorders: recorders.map(({ name, since }) => ({ name, since: new Date(since) })),
    lastAt: series.points[series.points.length - 1]?.at ?? 0,
    updatedAt: new Date(),
  };
}

function toSeries(record: SeriesRecord): RecordedSeries {
  return {
    runId: record._id,
    series: { intervalMs: record.intervalMs, points: record.points.map(({ at, vip, normal, failed }) => ({ at, vip, normal, failed })) },
    recorders: record.recorders.map(({ name, since }) => ({ name, since: since.getTime() })),
  };
}

/** Series in `run_series`, written whole (a few kilobytes) every few seconds by the process driving the run. */
@Injectable()
export class MongoRunSeriesStore extends RunSeriesStore {
  private readonly series: Collection<SeriesRecord>;

  constructor(@InjectModel(RunSeriesDocument.name) model: Model<RunSeriesDocument>) {
    super();
    this.series = model.collection as unknown as Collection<SeriesRecord>;
  }

  async find(runId: string): Promise<RecordedSeries | null> {
    const record = await this.series.findOne({ _id: runId });
    return record && toSeries(record);
  }

  /**
   * Replaces the stored series only when it does not reach further: a process that lost the run (a stalled
   * driver whose lease lapsed) cannot put back an older copy over its successor's. When the filter does not
   * match, the upsert tries to insert a second document with the run's id, which the unique `_id` refuses.
   */
  async save(recorded: RecordedSeries): Promise<boolean> {
    const record = toRecord(recorded);
    try {
      await this.series.replaceOne({ _id: record._id, lastAt: { $lte: record.lastAt } }, record, { upsert: true });
      return true;
    } catch (error) {
      if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return false;
      throw error;
    }
  }

  async deleteAll(): Promise<number> {
    return (await this.series.deleteMany({})).deletedCount;
  }
}
