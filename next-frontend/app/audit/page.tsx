import type { Metadata } from 'next';
import { AUDIT_PER_PAGE, auditKey } from '@/app/lib/audit/keys';
import type { AuditPage } from '@pedidos/contract';
import { getRequestI18n } from '@/app/lib/i18n/server';
import { fetchBackendData } from '@/app/lib/server/backend';
import { AuditLog } from '@/app/ui/audit/audit-log';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getRequestI18n();
  return { title: t('nav.audit') };
}

/** Who did what: the server renders the newest page; the table then refreshes and filters itself. */
export default async function AuditPageRoute() {
  const fallback = await fetchBackendData<AuditPage>(auditKey(1, AUDIT_PER_PAGE));
  return <AuditLog fallback={fallback} />;
}
