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
const OLDEST_FIRST = { at: 1, _id: 1 } as const;

/**
 * `audit_log` in MongoDB. Bounded by count (trimTo), not by a TTL index or a capped collection, which FerretDB
 * does not offer: control requests are few (RATE_LIMIT_PER_MINUTE per client), so a count and, past the cap,
 * one delete by id after each write cost little.
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
    const excess = (await this.entries.countDocuments({})) - keep;
    if (excess <= 0) return 0;
    const oldest = await this.entries.find({}, { projection: { _id: 1 } }).sort(OLDEST_FIRST).limit(excess).toArray();
    return (await this.entries.deleteMany({ _id: { $in: oldest.map((document) => document._id as ObjectId) } })).deletedCount;
  }
}

function toEntry({ _id, paramsJson, resultJson, ...document }: StoredDocument): StoredAuditEntry {
  return { id: String(_id), ...document, params: JSON.parse(paramsJson), result: JSON.parse(resultJson) };
}
