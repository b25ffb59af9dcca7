import type { seriesPtBR } from './series-pt-br';

/** Texts of the recorded throughput series (English). */
export const seriesEn: Record<keyof typeof seriesPtBR, string> = {
  'series.title': 'Recorded throughput',
  'series.description': 'Orders per second of each priority, as the server recorded them during the run (the average of each {seconds} s interval).',
  'series.notRecorded': 'Nothing was recorded during this run (it predates series recording): only its start and end.',
  'series.empty': 'No points recorded for this run yet.',
  'series.unavailable': "This run's report could not be read.",
  'series.points': '{count, plural, one {# point} other {# points}}',
  'series.downloadCsv': 'Download report (CSV)',
  'series.openJson': 'Report (JSON)',
  'series.compareTitle': 'Throughput of both runs',
  'series.compareDescription': 'Orders per second over each run, in seconds since it started: A solid, B dashed.',
  'series.lane': '{run} · {lane}',
};
