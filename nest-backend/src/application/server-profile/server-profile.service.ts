import { Injectable } from '@nestjs/common';
import { DatabaseServerInfo } from '../../domain/ports/database-server.port';
import { RunStore } from '../../domain/ports/run-store.port';
import { DatabaseServer, MeasuredRate, measuredRate } from '../../domain/server-profile';

/** How many of the latest runs the rate is measured over. */
const RECENT_RUNS = 10;

export interface ServerProfile {
  server: DatabaseServer;
  /** Null until a run of at least MIN_ORDERS_FOR_RATE orders finished on this database. */
  processingRate: MeasuredRate | null;
}

/** `GET /pedidos/server`: which server this is and how fast recent runs went on it, for the dashboard's estimate. */
@Injectable()
export class ServerProfileService {
  constructor(
    private readonly server: DatabaseServerInfo,
    private readonly runs: RunStore,
  ) {}

  async profile(): Promise<ServerProfile> {
    const [server, recent] = await Promise.all([this.server.describe(), this.runs.list(1, RECENT_RUNS)]);
    return { server, processingRate: measuredRate(recent.items) };
  }
}
