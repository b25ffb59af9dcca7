import { keys } from '@/app/lib/api/keys';
import type { QueueStatus, StatusSnapshot } from '@pedidos/contract';
import { getRequestI18n } from '@/app/lib/i18n/server';
import { fetchBackendData } from '@/app/lib/server/backend';
import { ControlsOnly } from '@/app/ui/app-shell/controls-only';
import { ControlsPanel } from '@/app/ui/controls/controls-panel';
import { LiveRunSummary } from '@/app/ui/overview/live-run-summary';
import { StatusFigures } from '@/app/ui/overview/status-figures';
import { ThroughputChart } from '@/app/ui/overview/throughput-chart';

/** Overview: the server renders the first snapshot; the widgets then follow the socket. */
export default async function OverviewPage() {
  const [{ t }, status, queue] = await Promise.all([
    getRequestI18n(),
    fetchBackendData<StatusSnapshot>(keys.status),
    fetchBackendData<QueueStatus>(keys.queueStatus),
  ]);

  return (
    <>
      <h1 className="page-title">{t('overview.title')}</h1>
      <div className="overview-grid">
        <LiveRunSummary fallback={status} />
        <aside className="overview-side">
          <ControlsOnly>
            <ControlsPanel fallbackStatus={status} fallbackQueue={queue} />
          </ControlsOnly>
        </aside>
        <ThroughputChart />
        <StatusFigures fallback={status} />
      </div>
    </>
  );
}
