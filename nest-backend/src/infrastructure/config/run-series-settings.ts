import { hostname } from 'node:os';
import { RunSeriesSettings } from '../../application/record-run-series/run-series-settings';
import { Environment } from './environment';

/** The driver writes the series it holds this often, and when it stops driving the run. */
const SAVE_EVERY_MS = 5_000;

export function runSeriesSettingsFrom(env: Environment): RunSeriesSettings {
  return new RunSeriesSettings(
    { maxPoints: env.RUN_SERIES_MAX_POINTS, baseIntervalMs: env.RUN_SERIES_INTERVAL_MS },
    Math.max(SAVE_EVERY_MS, env.RUN_SERIES_INTERVAL_MS),
    `api-${process.pid}@${hostname()}`,
  );
}
