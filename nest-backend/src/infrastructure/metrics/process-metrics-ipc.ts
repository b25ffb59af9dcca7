import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ProcessMetrics } from './process-metrics';

/** Asks a process for its metrics; `restartLoopWindow` first reads, then starts a new event-loop window. */
export interface ProcessMetricsRequest {
  type: 'process-metrics';
  requestId: number;
  restartLoopWindow?: boolean;
}

function isRequest(message: unknown): message is ProcessMetricsRequest {
  return typeof message === 'object' && message !== null && (message as ProcessMetricsRequest).type === 'process-metrics';
}

/**
 * Answers metrics requests from the parent when the process was spawned with an IPC channel (the
 * bench does so for the API and the worker processes alike; workers have no HTTP). Without one it does nothing.
 */
@Injectable()
export class ProcessMetricsIpc implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly answer = (message: unknown) => {
    if (!isRequest(message) || !process.send) return;
    const metrics = this.metrics.snapshot();
    if (message.restartLoopWindow) this.metrics.restartLoopWindow();
    process.send({ type: 'process-metrics', requestId: message.requestId, metrics });
  };

  constructor(private readonly metrics: ProcessMetrics) {}

  onApplicationBootstrap(): void {
    if (!process.send) return;
    process.on('message', this.answer);
    // The channel must not keep a process alive that is shutting down.
    process.channel?.unref();
  }

  onApplicationShutdown(): void {
    process.off('message', this.answer);
  }
}
