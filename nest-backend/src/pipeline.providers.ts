import { Provider } from '@nestjs/common';
import { CancelRunService } from './application/cancel-run/cancel-run.service';
import { ORCHESTRATE_RUN_PROVIDERS } from './application/orchestrate-run/orchestrate-run.providers';
import { ProcessSliceService } from './application/process-batch/process-slice.service';
import { SliceWorker } from './application/process-batch/slice-worker';
import { QueueAdminService } from './application/queue-admin/queue-admin.service';
import { ReadStatusService } from './application/read-status/read-status.service';
import { RunSeriesRecorder } from './application/record-run-series/run-series-recorder.service';
import { RunReportService } from './application/run-report/run-report.service';
import { ResetSystemService } from './application/reset-system/reset-system.service';
import { RetryDeadLettersService } from './application/retry-dead-letters/retry-dead-letters.service';
import { RetryFailedJobsService } from './application/retry-failed-jobs/retry-failed-jobs.service';
import { RetryFailedOrders } from './application/retry-failed-orders/retry-failed-orders.service';
import { RunHistoryService } from './application/run-history/run-history.service';
import { RunLog } from './application/run-log/run-log.service';
import { ServerProfileService } from './application/server-profile/server-profile.service';
import { StartRunService } from './application/start-run/start-run.service';

/** What a worker process needs: consume slices and log. */
export const WORKER_PROVIDERS: Provider[] = [RunLog, ProcessSliceService, SliceWorker];

/** Everything an API process runs: the use cases, the orchestrator, and (by default) workers too. */
export const API_PROVIDERS: Provider[] = [
  ...WORKER_PROVIDERS,
  ...ORCHESTRATE_RUN_PROVIDERS,
  StartRunService,
  CancelRunService,
  ResetSystemService,
  ReadStatusService,
  RunHistoryService,
  QueueAdminService,
  RetryDeadLettersService,
  RetryFailedOrders,
  RetryFailedJobsService,
  ServerProfileService,
  RunSeriesRecorder,
  RunReportService,
];
