import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';
import { PipelineSettings } from '../../application/pipeline-settings';
import { Environment } from '../config/environment';

/** The histogram samples the loop with a timer of this period; each sample is the period plus the delay. */
const LOOP_SAMPLE_EVERY_MS = 10;
const MB = 1024 * 1024;

/** What one backend process costs: CPU, memory, event-loop delay and MongoDB commands sent. */
export interface ProcessMetricsSnapshot {
  pid: number;
  process: string;
  at: string;
  uptimeMs: number;
  cpuMs: { user: number; system: number };
  /** `external` counts Buffers (driver and socket I/O) outside the V8 heap. */
  memoryMb: { rss: number; peakRss: number; heapTotal: number; heapUsed: number; external: number };
  /** Delay of the event loop beyond its sampling timer, since the process booted or the window last restarted. */
  eventLoopDelayMs: { p50: number; p99: number; max: number; samples: number; since: string };
  /** Commands sent since boot, by name; null unless MONGO_MONITOR_COMMANDS=true. */
  mongoCommands: { total: number; byName: Record<string, number> } | null;
}

/** Measures this process from the inside; `GET /pedidos/metrics/process` and the bench (over IPC) read it. */
@Injectable()
export class ProcessMetrics implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: IntervalHistogram = monitorEventLoopDelay({ resolution: LOOP_SAMPLE_EVERY_MS });
  private loopSince = new Date();
  private readonly mongoByName = new Map<string, number>();
  private mongoTotal = 0;
  private readonly monitoring: boolean;

  constructor(
    env: Environment,
    private readonly settings: PipelineSettings,
    @InjectConnection() connection: Connection,
  ) {
    this.monitoring = env.MONGO_MONITOR_COMMANDS;
    if (!this.monitoring) return;
    // Only fires when the client was created with `monitorCommands` (see InfrastructureModule).
    connection.getClient().on('commandStarted', (event: { commandName: string }) => {
      this.mongoTotal++;
      this.mongoByName.set(event.commandName, (this.mongoByName.get(event.commandName) ?? 0) + 1);
    });
  }

  /** Starts sampling once the process is up, so boot work does not count as loop delay. */
  onApplicationBootstrap(): void {
    this.restartLoopWindow();
    this.loop.enable();
  }

  onApplicationShutdown(): void {
    this.loop.disable();
  }

  /** Forgets the event-loop samples so far: the next snapshots cover only what follows (e.g. one bench run). */
  restartLoopWindow(): void {
    this.loop.reset();
    this.loopSince = new Date();
  }

  snapshot(): ProcessMetricsSnapshot {
    const cpu = process.cpuUsage();
    const memory = process.memoryUsage();
    const delay = (nanoseconds: number) => round(Math.max(0, nanoseconds / 1e6 - LOOP_SAMPLE_EVERY_MS));
    const sampled = this.loop.count > 0;
    return {
      pid: process.pid,
      process: this.settings.processName,
      at: new Date().toISOString(),
      uptimeMs: Math.round(process.uptime() * 1000),
      cpuMs: { user: Math.round(cpu.user / 1000), system: Math.round(cpu.system / 1000) },
      memoryMb: {
        rss: round(memory.rss / MB),
        peakRss: round((process.resourceUsage().maxRSS * 1024) / MB),
        heapTotal: round(memory.heapTotal / MB),
        heapUsed: round(memory.heapUsed / MB),
        external: round(memory.external / MB),
      },
      eventLoopDelayMs: {
        p50: sampled ? delay(this.loop.percentile(50)) : 0,
        p99: sampled ? delay(this.loop.percentile(99)) : 0,
        max: sampled ? delay(this.loop.max) : 0,
        samples: this.loop.count,
        since: this.loopSince.toISOString(),
      },
      mongoCommands: this.monitoring ? { total: this.mongoTotal, byName: Object.fromEntries(this.mongoByName) } : null,
    };
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
