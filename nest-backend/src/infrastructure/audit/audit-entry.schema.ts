import { Prop, Schema, SchemaFactory, raw } from '@nestjs/mongoose';

/**
 * Shape and indexes of `audit_log`. Parameters and answers are kept as JSON text: they come from clients, and
 * a key such as `$where` or `a.b` is not a field name every MongoDB-compatible server stores.
 */
@Schema({ collection: 'audit_log', versionKey: false })
export class AuditEntryDocument {
  @Prop({ required: true }) at: Date;
  @Prop({ required: true }) action: string;
  @Prop({ required: true }) method: string;
  @Prop({ required: true }) path: string;
  @Prop({ required: true }) paramsJson: string;
  @Prop({ type: String, default: null }) runId: string | null;
  @Prop(raw({ status: Number, code: String, message: String, durationMs: Number })) outcome: Record<string, unknown>;
  @Prop({ required: true }) resultJson: string;
  @Prop(raw({ address: String, keyHolder: String, keyFingerprint: String, userAgent: String })) client: Record<string, unknown>;
}

export const AuditEntrySchema = SchemaFactory.createForClass(AuditEntryDocument);
// The three reads of GET /pedidos/audit (all, of a run, of an action), newest first; the trim reads the first backwards.
AuditEntrySchema.index({ at: -1, _id: -1 });
AuditEntrySchema.index({ runId: 1, at: -1, _id: -1 });
AuditEntrySchema.index({ action: 1, at: -1, _id: -1 });
