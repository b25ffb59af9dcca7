import { Injectable, Logger } from '@nestjs/common';
import { LogBook, LogLevel, RunEvents } from '../../domain/ports/run-events.port';
import { PipelineSettings } from '../pipeline-settings';

/** Pipeline log lines: to this process's logger, and (with BACKEND_LOGS) to the shared tail and the dashboards. */
@Injectable()
export class RunLog {
  private readonly logger = new Logger('Pipeline');

  constructor(
    private readonly settings: PipelineSettings,
    private readonly book: LogBook,
    private readonly events: RunEvents,
  ) {}

  info(message: string): void {
    this.write('info', message);
  }

  warn(message: string): void {
    this.write('warn', message);
  }

  error(message: string): void {
    this.write('error', message);
  }

  private write(level: LogLevel, message: string): void {
    if (level === 'info') this.logger.log(message);
    else this.logger[level](message);
    if (!this.settings.backendLogs) return;
    const line = { at: new Date().toISOString(), level, source: this.settings.processName, message };
    // Shipping a log line must never break the pipeline: a Redis hiccup costs the line, not the run.
    Promise.all([this.book.append(line), this.events.publish({ type: 'log', payload: line })]).catch((error: Error) =>
      this.logger.warn(`log line not shipped: ${error.message}`),
    );
  }
}
