import { DynamicModule, Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditSettings } from '../../application/audit/audit-settings';
import { AuditLog, FingerprintSecret } from '../../domain/ports/audit-log.port';
import { Environment } from '../config/environment';
import { AuditEntryDocument, AuditEntrySchema } from './audit-entry.schema';
import { MongoAuditLog } from './mongo-audit-log.store';
import { RedisFingerprintSecret } from './redis-fingerprint-secret';

/** Binds the audit ports to MongoDB (the log) and Redis (the fingerprint secret); relies on InfrastructureModule for the connections. */
@Global()
@Module({})
export class AuditInfrastructureModule {
  static forRoot(env: Environment): DynamicModule {
    const settings: AuditSettings = { maxEntries: env.AUDIT_MAX_ENTRIES };
    return {
      module: AuditInfrastructureModule,
      imports: [MongooseModule.forFeature([{ name: AuditEntryDocument.name, schema: AuditEntrySchema }])],
      providers: [
        { provide: AuditSettings, useValue: settings },
        { provide: AuditLog, useClass: MongoAuditLog },
        { provide: FingerprintSecret, useClass: RedisFingerprintSecret },
      ],
      exports: [AuditSettings, AuditLog, FingerprintSecret],
    };
  }
}
