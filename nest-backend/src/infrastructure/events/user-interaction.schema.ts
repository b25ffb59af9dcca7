import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes } from 'mongoose';
import { EVENT_TYPES } from '../../domain/events/interaction-event';

/**
 * Shape and indexes of `user_interactions`. `eventId` unique is what makes a re-delivered batch store nothing
 * twice; `(userId, eventType)` and `occurredAt` serve the usual reads of a user's history and of a time range.
 */
@Schema({ collection: 'user_interactions', versionKey: false })
export class UserInteractionDocument {
  @Prop({ required: true, unique: true }) eventId: string;
  @Prop({ required: true }) userId: string;
  @Prop({ required: true, enum: EVENT_TYPES }) eventType: string;
  @Prop({ required: true }) sessionId: string;
  @Prop({ type: SchemaTypes.Mixed, default: {} }) eventData: Record<string, unknown>;
  @Prop({ required: true }) occurredAt: Date;
  @Prop({ required: true }) receivedAt: Date;
  @Prop({ required: true }) storedAt: Date;
  @Prop({ required: true }) batchId: string;
}

export const UserInteractionSchema = SchemaFactory.createForClass(UserInteractionDocument);
UserInteractionSchema.index({ userId: 1, eventType: 1 });
UserInteractionSchema.index({ occurredAt: 1 });
