import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Collection } from 'mongodb';
import { Model } from 'mongoose';
import { InteractionEvent } from '../../domain/events/interaction-event';
import { BatchWrite, EventStore } from '../../domain/events/ports/event-store.port';
import { Environment } from '../config/environment';
import { DUPLICATE_KEY, writeErrorsOf } from './bulk-write-outcome';
import { UserInteractionDocument } from './user-interaction.schema';

interface StoredInteraction {
  eventId: string;
  userId: string;
  eventType: string;
  sessionId: string;
  eventData: Record<string, unknown>;
  occurredAt: Date;
  receivedAt: Date;
  storedAt: Date;
  batchId: string;
}

/** `user_interactions` on MongoDB: one unordered insertMany per batch; a duplicate key means "already stored". */
@Injectable()
export class MongoEventStore extends EventStore {
  private readonly interactions: Collection<StoredInteraction>;
  private readonly failMarker: string | undefined;

  constructor(@InjectModel(UserInteractionDocument.name) model: Model<UserInteractionDocument>, env: Environment) {
    super();
    this.interactions = model.collection as unknown as Collection<StoredInteraction>;
    this.failMarker = env.EVENTS_FAIL_MARKER;
  }

  async writeBatch(events: InteractionEvent[], batchId: string, storedAt: Date): Promise<BatchWrite> {
    const rejected: BatchWrite['rejected'] = [];
    const toWrite: number[] = [];
    events.forEach((event, index) => {
      // Test-only (EVENTS_FAIL_MARKER): refused here, as the database would refuse a poison document.
      if (this.failMarker !== undefined && Object.hasOwn(event.eventData, this.failMarker)) {
        rejected.push({ index, reason: `injected failure: eventData.${this.failMarker} (EVENTS_FAIL_MARKER)` });
      } else toWrite.push(index);
    });
    const duplicates: number[] = [];
    if (toWrite.length === 0) return { stored: 0, duplicates, rejected };
    const documents = toWrite.map((index) => toDocument(events[index], batchId, storedAt));
    let refused = 0;
    try {
      await this.interactions.insertMany(documents, { ordered: false });
    } catch (error) {
      const writeErrors = writeErrorsOf(error, documents.length);
      if (writeErrors === null) throw error;
      refused = writeErrors.length;
      for (const writeError of writeErrors) {
        const index = toWrite[writeError.index];
        if (writeError.code === DUPLICATE_KEY) duplicates.push(index);
        else rejected.push({ index, reason: writeError.errmsg ?? `write error ${writeError.code}` });
      }
    }
    return { stored: toWrite.length - refused, duplicates, rejected };
  }

  async claimUnconfirmed(eventIds: string[], writeIds: string[], batchId: string): Promise<Set<string>> {
    // The update is atomic per document, so of two batches claiming one document only the first matches it;
    // reading back which documents bear this batch's id tells what this call claimed.
    await this.interactions.updateMany({ eventId: { $in: eventIds }, batchId: { $in: writeIds } }, { $set: { batchId } });
    const claimed = await this.interactions.find({ eventId: { $in: eventIds }, batchId }, { projection: { _id: 0, eventId: 1 } }).toArray();
    return new Set(claimed.map((document) => document.eventId));
  }

  async deleteAll(): Promise<number> {
    return (await this.interactions.deleteMany({})).deletedCount;
  }
}

function toDocument(event: InteractionEvent, batchId: string, storedAt: Date): StoredInteraction {
  return {
    eventId: event.eventId,
    userId: event.userId,
    eventType: event.eventType,
    sessionId: event.sessionId,
    eventData: event.eventData,
    occurredAt: new Date(event.occurredAt),
    receivedAt: new Date(event.receivedAt),
    storedAt,
    batchId,
  };
}
