import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Collection, Filter } from 'mongodb';
import { Model } from 'mongoose';
import { DeadLetter } from '../../domain/dead-letter';
import { DeadLetterPage, DeadLetterStore } from '../../domain/ports/dead-letter-store.port';
import { RetryScope } from '../../domain/retry-scope';
import { DeadLetterDocument } from './dead-letter.schema';
import { openDeadLettersIn } from './retry-scope-filters';

@Injectable()
export class MongoDeadLetterStore extends DeadLetterStore {
  private readonly letters: Collection<DeadLetter>;

  constructor(@InjectModel(DeadLetterDocument.name) model: Model<DeadLetterDocument>) {
    super();
    this.letters = model.collection as unknown as Collection<DeadLetter>;
  }

  async record(letters: DeadLetter[]): Promise<void> {
    if (letters.length > 0) await this.letters.insertMany(letters.map((letter) => ({ ...letter })), { ordered: false });
  }

  async listOpen(page: number, limit: number, runId?: string): Promise<DeadLetterPage> {
    const filter: Filter<DeadLetter> = runId ? { runId, retriedAt: null } : { retriedAt: null };
    const [items, total] = await Promise.all([
      this.letters.find(filter, { projection: { _id: 0 } }).sort({ failedAt: -1 }).skip((page - 1) * limit).limit(limit).toArray(),
      this.letters.countDocuments(filter),
    ]);
    return { items, total };
  }

  async markRetried(runId: string, scope: RetryScope, at: Date): Promise<number> {
    return (await this.letters.updateMany(openDeadLettersIn(runId, scope), { $set: { retriedAt: at } })).modifiedCount;
  }

  findOpen(runId: string, orderIds: readonly string[]): Promise<DeadLetter[]> {
    return this.letters.find(openDeadLettersIn(runId, { kind: 'orders', orderIds }), { projection: { _id: 0 } }).toArray();
  }

  async deleteAll(): Promise<number> {
    return (await this.letters.deleteMany({})).deletedCount;
  }
}
