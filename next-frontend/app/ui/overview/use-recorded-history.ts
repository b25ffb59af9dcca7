'use client';

import { useEffect, useRef } from 'react';
import useSWR from 'swr';
import { getJson } from '@/app/lib/api/client';
import { keys } from '@/app/lib/api/keys';
import type { RunReport, StatusSnapshot } from '@pedidos/contract';
import { isActivePhase } from '@/app/lib/phases';
import { seedSeries } from '@/app/lib/run-series';
import { throughputStore } from '@/app/lib/throughput-store';
import { useBackend } from '@/app/ui/app-shell/backend-context';

/** Runs whose recorded history this tab already put in the live chart. */
const seededRuns = new Set<string>();

/**
 * Once per run and tab: when the overview shows a run under way, the series the backend recorded since the run
 * began fills the live chart up to its first live point, so a page opened mid-run draws the whole run.
 */
export function useRecordedHistory(): void {
  const { apiUrl } = useBackend();
  const { data: status } = useSWR<StatusSnapshot>(keys.status);
  const runId = status?.lastRunId ?? null;
  const active = isActivePhase(status?.phase);
  const shownRunId = useRef(runId);
  shownRunId.current = runId;

  useEffect(() => {
    if (!runId || !active || seededRuns.has(runId)) return;
    seededRuns.add(runId);
    getJson<RunReport>(apiUrl, keys.runReport(runId)).then(
      // A report that arrives after the overview moved on to another run is not that run's history.
      (report) => shownRunId.current === report.runId && throughputStore.update((series) => seedSeries(series, report)),
      () => seededRuns.delete(runId),
    );
  }, [apiUrl, runId, active]);
}
