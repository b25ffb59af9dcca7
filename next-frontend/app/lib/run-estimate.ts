import type { ServerProfile } from '@pedidos/contract';

export interface RunEstimate {
  /** Expected wall time from generate to DONE, or null when no run was measured on this server yet. */
  ms: number | null;
  /** "FerretDB 1.24", "MongoDB 7.0". */
  server: string;
  /** FerretDB: real MongoDB is far faster for large runs (the dashboard says so). */
  ferretdb: boolean;
}

/** The server's name with its major.minor version. */
export function serverName(server: ServerProfile['server']): string {
  const name = server.kind === 'ferretdb' ? 'FerretDB' : 'MongoDB';
  const version = server.version?.split('.').slice(0, 2).join('.');
  return version ? `${name} ${version}` : name;
}

/** How long `quantity` orders should take on this server, from the rate its recent runs measured. */
export function estimateRun(quantity: number, profile: ServerProfile): RunEstimate {
  const rate = profile.processingRate?.ordersPerSecond;
  return {
    ms: rate && rate > 0 ? (quantity / rate) * 1000 : null,
    server: serverName(profile.server),
    ferretdb: profile.server.kind === 'ferretdb',
  };
}

/** A rough duration for an estimate: "40 s", "7 min", "2 h 05 min". */
export function approximateDuration(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
