import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { EVENT_TYPES } from '../../domain/events/interaction-event';

/** Shape and indexes of `event_dead_letters`: one letter per eventId, listed newest first. */
@Schema({ collection: 'event_dead_letters', versionKey: false })
export class EventDeadLetterDocument {
  @Prop({ required: true, unique: true }) eventId: string;
  @Prop({ required: true }) userId: string;
  @Prop({ required: true, enum: EVENT_TYPES }) eventType: string;
  @Prop({ required: true }) sessionId: string;
  @Prop({ required: true }) reason: string;
  @Prop({ required: true }) attempts: number;
  @Prop({ required: true, index: true }) failedAt: Date;
  /**
   * The event as JSON text, not as a sub-document: a letter holds what the database refused, and a string is
   * something every server stores (FerretDB 1.24 refuses, for one, an array straight inside an array).
   */
  @Prop({ required: true }) eventJson: string;
}

export const EventDeadLetterSchema = SchemaFactory.createForClass(EventDeadLetterDocument);
