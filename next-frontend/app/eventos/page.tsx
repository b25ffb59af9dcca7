import type { Metadata } from 'next';
import { DEAD_LETTERS_PER_PAGE, eventKeys } from '@/app/lib/events/keys';
import type { DeadLettersPage, EventMetrics } from '@pedidos/contract';
import { getRequestI18n } from '@/app/lib/i18n/server';
import { fetchBackendData } from '@/app/lib/server/backend';
import { ControlsOnly } from '@/app/ui/app-shell/controls-only';
import { CurrentBatch } from '@/app/ui/events/current-batch';
import { DeadLetters } from '@/app/ui/events/dead-letters';
import { EventMetricsFeed } from '@/app/ui/events/event-metrics-feed';
import { EventRates } from '@/app/ui/events/event-rates';
import { EventTotals } from '@/app/ui/events/event-totals';
import { EventsChart } from '@/app/ui/events/events-chart';
import { EventsControls } from '@/app/ui/events/events-controls';
import { RecentBatches } from '@/app/ui/events/recent-batches';
import { TypeTotals } from '@/app/ui/events/type-totals';
import './eventos.css';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getRequestI18n();
  return { title: t('nav.events') };
}

/** Event intake: the server renders the first metrics; the widgets then follow `events:metrics` on the socket. */
export default async function EventsPage() {
  const [{ t }, metrics, deadLetters] = await Promise.all([
    getRequestI18n(),
    fetchBackendData<EventMetrics>(eventKeys.metrics),
    fetchBackendData<DeadLettersPage>(eventKeys.deadLetters(1, DEAD_LETTERS_PER_PAGE)),
  ]);

  return (
    <>
      <EventMetricsFeed />
      <h1 className="page-title">{t('events.title')}</h1>
      <p className="muted page-lead">{t('events.description')}</p>
      <div className="overview-grid events-grid">
        <EventRates fallback={metrics} />
        <aside className="overview-side">
          <ControlsOnly>
            <EventsControls />
          </ControlsOnly>
        </aside>
        <EventsChart fallback={metrics} />
        <EventTotals fallback={metrics} />
        <div className="events-pair">
          <CurrentBatch fallback={metrics} />
          <TypeTotals fallback={metrics} />
        </div>
        <RecentBatches fallback={metrics} />
        <DeadLetters fallback={deadLetters} fallbackMetrics={metrics} />
      </div>
    </>
  );
}
