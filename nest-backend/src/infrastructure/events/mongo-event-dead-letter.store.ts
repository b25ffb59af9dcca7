import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Collection, Filter } from 'mongodb';
import { Model } from 'mongoose';
import { EventDeadLetter } from '../../domain/events/event-dead-letter';
import { InteractionEvent } from '../../domain/events/interaction-event';
import { EventDeadLetterPage, EventDeadLetterStore } from '../../domain/events/ports/event-dead-letter-store.port';
import { DUPLICATE_KEY, writeErrorsOf } from './bulk-write-outcome';
import { EventDeadLetterDocument } from './event-dead-letter.schema';

/** A letter as stored; `event` is what letters written before `eventJson` hold. */
type LetterDocument = Omit<EventDeadLetter, 'failedAt' | 'event'> & { failedAt: Date; eventJson?: string; event?: InteractionEvent };

@Injectable()
export class MongoEventDeadLetterStore extends EventDeadLetterStore {
  private readonly letters: Collection<LetterDocument>;

  constructor(@InjectModel(EventDeadLetterDocument.name) model: Model<EventDeadLetterDocument>) {
    super();
    this.letters = model.collection as unknown as Collection<LetterDocument>;
  }

  async record(letters: EventDeadLetter[]): Promise<number> {
    if (letters.length === 0) return 0;
    try {
      return (await this.letters.insertMany(letters.map(toDocument), { ordered: false })).insertedCount;
    } catch (error) {
      const writeErrors = writeErrorsOf(error, letters.length);
      if (writeErrors === null || writeErrors.some((writeError) => writeError.code !== DUPLICATE_KEY)) throw error;
      return letters.length - writeErrors.length;
    }
  }

  async list(page: number, limit: number): Promise<EventDeadLetterPage> {
    const [documents, total] = await Promise.all([
      this.letters.find({}, { projection: { _id: 0 } }).sort({ failedAt: -1, eventId: 1 }).skip((page - 1) * limit).limit(limit).toArray(),
      this.letters.countDocuments({}),
    ]);
    return { items: documents.map(fromDocument), total };
  }

  async take(limit: number, eventIds?: string[]): Promise<EventDeadLetter[]> {
    const filter: Filter<LetterDocument> = eventIds ? { eventId: { $in: eventIds } } : {};
    const documents = await this.letters.find(filter, { projection: { _id: 0 } }).sort({ failedAt: 1, eventId: 1 }).limit(limit).toArray();
    return documents.map(fromDocument);
  }

  async remove(eventIds: string[]): Promise<number> {
    if (eventIds.length === 0) return 0;
    return (await this.letters.deleteMany({ eventId: { $in: eventIds } })).deletedCount;
  }

  async deleteAll(): Promise<number> {
    return (await this.letters.deleteMany({})).deletedCount;
  }
}

function toDocument({ event, ...letter }: EventDeadLetter): LetterDocument {
  return { ...letter, failedAt: new Date(letter.failedAt), eventJson: JSON.stringify(event) };
}

function fromDocument({ eventJson, event, failedAt, ...letter }: LetterDocument): EventDeadLetter {
  return { ...letter, failedAt: failedAt.getTime(), event: eventJson === undefined ? (event as InteractionEvent) : (JSON.parse(eventJson) as InteractionEvent) };
}
