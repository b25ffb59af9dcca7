import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { PHASES } from '../../domain/run-phase';

const windowShape = { start: { type: Date, default: null }, end: { type: Date, default: null }, count: { type: Number, default: 0 } };

/** Shape and indexes of `process_runs`; `_id` is the run id. */
@Schema({ collection: 'process_runs', versionKey: false })
export class ProcessRunDocument {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, enum: PHASES, index: true })
  phase: string;

  @Prop({ required: true }) target: number;
  @Prop({ required: true }) autoProcess: boolean;
  @Prop({ required: true }) ordersPerJob: number;
  @Prop({ required: true }) awaitingProcess: boolean;
  @Prop({ required: true }) generated: number;
  @Prop({ required: true }) vipGenerated: number;
  @Prop({ required: true }) normalGenerated: number;
  @Prop({ required: true }) vipEnqueued: number;
  @Prop({ required: true }) normalEnqueued: number;
  @Prop({ type: Date, default: null }) generationStartedAt: Date | null;
  @Prop({ type: Date, default: null }) generationEndedAt: Date | null;
  @Prop({ required: true }) enqueueVipTimeMs: number;
  @Prop({ required: true }) enqueueNormalTimeMs: number;
  @Prop({ type: { vip: windowShape, normal: windowShape }, _id: false }) processing: Record<string, unknown>;
  @Prop({ required: true }) failed: number;
  @Prop({ required: true }) cancelled: number;
  @Prop({ required: true, index: true }) createdAt: Date;
  @Prop({ type: Date, default: null }) finishedAt: Date | null;
  @Prop({ type: String, default: null }) errorReason: string | null;
  @Prop({ required: true }) updatedAt: Date;
}

export const ProcessRunSchema = SchemaFactory.createForClass(ProcessRunDocument);
