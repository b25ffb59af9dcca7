'use client';

import useSWR from 'swr';
import { keys } from '@/app/lib/api/keys';
import type { ServerProfile } from '@pedidos/contract';
import { approximateDuration, estimateRun } from '@/app/lib/run-estimate';
import { useI18n } from '@/app/ui/app-shell/i18n-context';

/** Next to the quantity: how long that run should take on this server, and on FerretDB that MongoDB is far faster. */
export function RunEstimate({ quantity }: { quantity: number | null }) {
  const { t } = useI18n();
  // Fetched in the browser only (no server fallback): the first render is empty on both sides, so hydration matches.
  const { data: profile } = useSWR<ServerProfile>(keys.server, { revalidateOnFocus: false, refreshInterval: 60_000 });
  if (!profile || quantity === null) return null;
  const estimate = estimateRun(quantity, profile);
  return (
    <div className="run-estimate" data-testid="run-estimate">
      <p className="small" data-testid="run-estimate-duration">
        {estimate.ms === null ? t('controls.estimateUnknown', { server: estimate.server }) : t('controls.estimate', { duration: approximateDuration(estimate.ms), server: estimate.server })}
      </p>
      {estimate.ferretdb ? (
        <p className="muted small" data-testid="run-estimate-ferretdb">
          {t('controls.ferretdbNotice')}
        </p>
      ) : null}
    </div>
  );
}
