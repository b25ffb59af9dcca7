import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

const pointShape = { at: Number, vip: Number, normal: Number, failed: Number };

/**
 * Shape of `run_series`: one document per run (`_id` is the run id) of at most RUN_SERIES_MAX_POINTS points,
 * each `{ at, vip, normal, failed }` (epoch ms, then counts). Not `[at, vip, …]` tuples: FerretDB 1 refuses nested arrays.
 */
@Schema({ collection: 'run_series', versionKey: false })
export class RunSeriesDocument {
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ required: true }) intervalMs: number;
  @Prop({ type: [pointShape], _id: false, required: true }) points: { at: number; vip: number; normal: number; failed: number }[];
  @Prop({ type: [{ name: String, since: Date }], _id: false, required: true }) recorders: { name: string; since: Date }[];
  /** The last point's time, which a write must reach to replace what is stored (see MongoRunSeriesStore.save). */
  @Prop({ required: true }) lastAt: number;
  @Prop({ required: true }) updatedAt: Date;
}

export const RunSeriesSchema = SchemaFactory.createForClass(RunSeriesDocument);
