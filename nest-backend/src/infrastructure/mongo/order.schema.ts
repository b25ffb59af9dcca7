import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { PRIORITIES, TIERS } from '../../domain/order';

/** Shape and indexes of `orders`. Documents are written and read through the driver (see MongoOrderStore), never hydrated. */
@Schema({ collection: 'orders', versionKey: false })
export class OrderDocument {
  @Prop({ required: true })
  id: string;

  @Prop({ required: true })
  cliente: string;

  @Prop({ required: true })
  valor: number;

  @Prop({ required: true, enum: TIERS })
  tier: string;

  @Prop({ required: true, enum: PRIORITIES })
  priority: string;

  @Prop({ required: true })
  observacoes: string;

  @Prop({ required: true, enum: ['pendente', 'processado', 'falhou'] })
  status: string;

  @Prop({ required: true })
  createdAt: Date;

  @Prop({ type: Date, default: null })
  processedAt: Date | null;

  @Prop({ required: true })
  runId: string;

  @Prop({ required: true })
  seq: number;

  @Prop({ required: true })
  job: number;

  @Prop({ required: true, default: 0 })
  attempts: number;

  @Prop({ type: String })
  failureReason?: string;
}

export const OrderSchema = SchemaFactory.createForClass(OrderDocument);
/**
 * The one secondary index, and every query of MongoOrderStore uses it: a worker's `{runId, priority, status,
 * job}` (+ `seq` for one order) is an equality lookup on it; the drain's pending count and the repair's pending
 * jobs (sorted by job) read a prefix; tally, cancel and retry read the `runId` prefix. Each index more costs
 * an entry per insert and, holding `status`, one per processed order (bench/README.md, index review).
 */
OrderSchema.index({ runId: 1, priority: 1, status: 1, job: 1 });
