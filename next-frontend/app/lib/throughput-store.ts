import { createLiveStore } from './live-store';
import { EMPTY_SERIES, type ThroughputSeries } from './throughput-series';

/** The chart's points, kept across page changes for as long as the tab is open. */
export const throughputStore = createLiveStore<ThroughputSeries>(EMPTY_SERIES);
