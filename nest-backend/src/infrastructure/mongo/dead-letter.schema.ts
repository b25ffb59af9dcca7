import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { PRIORITIES } from '../../domain/order';

/** Shape and indexes of `dead_letters`. */
@Schema({ collection: 'dead_letters', versionKey: false })
export class DeadLetterDocument {
  @Prop({ required: true, index: true }) runId: string;
  @Prop({ required: true }) orderId: string;
  @Prop({ required: true, enum: PRIORITIES }) priority: string;
  @Prop({ required: true }) seq: number;
  @Prop({ required: true }) reason: string;
  @Prop({ required: true }) attempts: number;
  @Prop({ required: true, index: true }) failedAt: Date;
  @Prop({ type: Date, default: null }) retriedAt: Date | null;
}

export const DeadLetterSchema = SchemaFactory.createForClass(DeadLetterDocument);
DeadLetterSchema.index({ runId: 1, retriedAt: 1 });
