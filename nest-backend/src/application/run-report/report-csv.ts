import type { ReportPoint, RunReport } from '@pedidos/contract';

const POINT_COLUMNS: (keyof ReportPoint)[] = ['at', 'elapsedMs', 'vipProcessed', 'normalProcessed', 'failed', 'vipPerSecond', 'normalPerSecond'];

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
function field(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Every leaf of an object as a dotted path (`timings.vip.timeMs`) with its value; arrays by index. */
function leaves(value: unknown, path: string): [string, unknown][] {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => leaves(inner, path ? `${path}.${key}` : key));
  }
  return [[path, value]];
}

/**
 * The report as CSV, in two tables a spreadsheet shows one above the other: `field,value` rows with every
 * figure of the JSON report but the points (same names, dotted), a blank line, then one row per point.
 */
export function reportCsv(report: RunReport): string {
  const { points, ...seriesRest } = report.series;
  const rows = [['field', 'value'], ...leaves({ ...report, series: seriesRest }, ''), [], POINT_COLUMNS, ...points.map((point) => POINT_COLUMNS.map((column) => point[column]))];
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
