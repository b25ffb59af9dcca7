import { DynamicModule, Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { RunSeriesSettings } from '../../application/record-run-series/run-series-settings';
import { RunSeriesStore } from '../../domain/ports/run-series-store.port';
import { Environment } from '../config/environment';
import { runSeriesSettingsFrom } from '../config/run-series-settings';
import { MongoRunSeriesStore } from './mongo-run-series.store';
import { RunSeriesDocument, RunSeriesSchema } from './run-series.schema';

/** Binds the run-series store (`run_series`) and its settings; the connection is InfrastructureModule's. */
@Global()
@Module({})
export class RunSeriesInfrastructureModule {
  static forRoot(env: Environment): DynamicModule {
    return {
      module: RunSeriesInfrastructureModule,
      imports: [MongooseModule.forFeature([{ name: RunSeriesDocument.name, schema: RunSeriesSchema }])],
      providers: [
        { provide: RunSeriesSettings, useValue: runSeriesSettingsFrom(env) },
        { provide: RunSeriesStore, useClass: MongoRunSeriesStore },
      ],
      exports: [RunSeriesSettings, RunSeriesStore],
    };
  }
}
