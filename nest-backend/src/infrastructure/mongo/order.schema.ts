import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { PRIORITIES, TIERS } from '../../domain/order';

/** Shape and indexes of `orders`. Documents are written and read through the driver (see MongoOrderStore), never hydrated. */
@Schema({ collection: 'orders', versionKey: false })
export class OrderDocument {
  @Prop({ required: true, unique: true })
  id: string;

  @Prop({ required: true })
  cliente: string;

  @Prop({ required: true })
  valor: number;

  @Prop({ required: true, enum: TIERS })
  tier: string;

  @Prop({ required: true, enum: PRIORITIES, index: true })
  priority: string;

  @Prop({ required: true })
  observacoes: string;

  @Prop({ required: true, enum: ['pendente', 'processado', 'falhou'] })
  status: string;

  @Prop({ required: true, index: true })
  createdAt: Date;

  @Prop({ type: Date, default: null })
  processedAt: Date | null;

  @Prop({ required: true, index: true })
  runId: string;

  @Prop({ required: true })
  seq: number;

  @Prop({ required: true, default: 0 })
  attempts: number;

  @Prop({ type: String })
  failureReason?: string;
}

export const OrderSchema = SchemaFactory.createForClass(OrderDocument);
OrderSchema.index({ priority: 1, status: 1 });
// Workers address orders by (run, priority, seq range); drain checks and tallies count by (run, priority, status).
OrderSchema.index({ runId: 1, priority: 1, seq: 1 });
OrderSchema.index({ runId: 1, priority: 1, status: 1 });
