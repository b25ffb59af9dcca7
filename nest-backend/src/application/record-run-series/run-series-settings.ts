import { SeriesLimits } from '../../domain/throughput-series';

/** How runs' throughput series are recorded, validated from the environment at boot (see infrastructure/config). */
export class RunSeriesSettings {
  constructor(
    readonly limits: SeriesLimits,
    /** How often the driver writes the series it holds to the database. */
    readonly saveEveryMs: number,
    /** This process as the series' recorder names it (`api-<pid>@<host>`). */
    readonly recorderName: string,
  ) {}
}
