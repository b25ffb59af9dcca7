import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Collection, Filter, ObjectId } from 'mongodb';
import { Model } from 'mongoose';
import { AuditClient, AuditEntry, AuditOutcome, StoredAuditEntry } from '../../domain/audit/audit-entry';
import { AuditLog, AuditPage, AuditQuery } from '../../domain/ports/audit-log.port';
import { AuditEntryDocument } from './audit-entry.schema';

interface StoredDocument {
  _id?: ObjectId;
  at: Date;
  action: string;
  method: string;
  path: string;
  paramsJson: string;
  runId: string | null;
  outcome: AuditOutcome;
  resultJson: string;
  client: AuditClient;
}

const NEWEST_FIRST = { at: -1, _id: -1 } as const;

/**
 * `audit_log` in MongoDB. Bounded by count (trimTo), not by a TTL index or a capped collection, which FerretDB
 * does not offer: a count after each write and, now and then (AuditTrail trims in steps), one sorted read and
 * one delete of what is older than the last entry kept.
 */
@Injectable()
export class MongoAuditLog extends AuditLog {
  private readonly entries: Collection<StoredDocument>;

  constructor(@InjectModel(AuditEntryDocument.name) model: Model<AuditEntryDocument>) {
    super();
    this.entries = model.collection as unknown as Collection<StoredDocument>;
  }

  async append({ params, result, ...entry }: AuditEntry): Promise<void> {
    await this.entries.insertOne({ ...entry, paramsJson: JSON.stringify(params ?? {}), resultJson: JSON.stringify(result ?? null) });
  }

  async list({ page, limit, runId, action }: AuditQuery): Promise<AuditPage> {
    const filter: Filter<StoredDocument> = { ...(runId ? { runId } : {}), ...(action ? { action } : {}) };
    const [documents, total] = await Promise.all([
      this.entries.find(filter).sort(NEWEST_FIRST).skip((page - 1) * limit).limit(limit).toArray(),
      this.entries.countDocuments(filter),
    ]);
    return { items: documents.map(toEntry), total };
  }

  async trimTo(keep: number): Promise<number> {
    if ((await this.entries.countDocuments({})) <= keep) return 0;
    // Everything older than the newest `keep` goes. A boundary, not "the oldest N": two trims at once (two
    // writes, two API processes) then delete the same entries, never one batch each.
    const [boundary] = await this.entries.find({}, { projection: { _id: 1, at: 1 } }).sort(NEWEST_FIRST).skip(keep).limit(1).toArray();
    if (!boundary?._id) return 0;
    const olderOrBoundary: Filter<StoredDocument> = { $or: [{ at: { $lt: boundary.at } }, { at: boundary.at, _id: { $lte: boundary._id } }] };
    return (await this.entries.deleteMany(olderOrBoundary)).deletedCount;
  }
}

function toEntry({ _id, paramsJson, resultJson, ...document }: StoredDocument): StoredAuditEntry {
  return { id: String(_id), ...document, params: JSON.parse(paramsJson), result: JSON.parse(resultJson) };
}
