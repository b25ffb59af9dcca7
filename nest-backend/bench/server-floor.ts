import { startChild } from '@pedidos/processes';
import { kernelStatsOf } from './backend-processes';
import { EventsBenchOptions } from './events-options';
import { LoadResult, LoadSpec, runLoad } from './intake-load';
import { per1000 } from './stats';

export interface FloorLoad extends LoadResult {
  /** The server's CPU per 1,000 events answered. */
  serverCpuMsPer1000: number;
  /** The load generator's own CPU (autocannon runs in the bench process) per 1,000 events answered. */
  loadCpuMsPer1000: number;
}

export interface ServerFloor {
  single: FloorLoad;
  /** At the intake's offered rate, when it is paced: the latency any such server shows under the same pacing. */
  singlePaced: FloorLoad | null;
  batch: FloorLoad;
}

/**
 * Starts a floor server (a script that prints `listening <port>`) in its own process and drives it with the
 * same loads as the intake: unpaced single events, single events at the intake's offered rate, and batches.
 */
export async function runServerFloor(script: string, options: EventsBenchOptions): Promise<ServerFloor> {
  // Not under an orphan guard: `pid` must be the server's own, for its CPU time.
  const child = startChild({ name: 'floor server', command: process.execPath, args: [script] });
  try {
    await child.waitForOutput(/listening \d+/, 30_000);
    const port = Number(/listening (\d+)/.exec(child.output)![1]);
    const url = `http://127.0.0.1:${port}`;
    const measured = async (spec: LoadSpec): Promise<FloorLoad> => {
      const serverBefore = kernelStatsOf(child.pid!)?.cpuMs ?? 0;
      const loadBefore = process.cpuUsage();
      const load = await runLoad(spec);
      const loadCpu = process.cpuUsage(loadBefore);
      return {
        ...load,
        serverCpuMsPer1000: per1000((kernelStatsOf(child.pid!)?.cpuMs ?? 0) - serverBefore, load.acceptedEvents),
        loadCpuMsPer1000: per1000((loadCpu.user + loadCpu.system) / 1000, load.acceptedEvents),
      };
    };
    const single = await measured({ url, connections: options.connections, durationS: options.floorDurationS, rate: 0, batchSize: null, tag: 'floor-single' });
    const singlePaced =
      options.singleRate > 0 ? await measured({ url, connections: options.connections, durationS: options.floorDurationS, rate: options.singleRate, batchSize: null, tag: 'floor-paced' }) : null;
    const batch = await measured({ url, connections: options.batchConnections, durationS: options.floorDurationS, rate: 0, batchSize: options.batchSize, tag: 'floor-batch' });
    return { single, singlePaced, batch };
  } finally {
    await child.stop({ graceMs: 5_000 });
  }
}
