import type { auditPtBR } from './audit-pt-br';

/** Texts of the audit log and of the key roles (English). */
export const auditEn: Record<keyof typeof auditPtBR, string> = {
  'nav.audit': 'Audit',
  'access.readOnly': 'This dashboard holds the read key (READ_API_KEY): it shows everything, and its controls are hidden.',

  'audit.title': 'Audit',
  'audit.description': 'Every control action (generate, process, cancel, reset, pause, resume, clean, retry, Bull Board…), with its parameters, its outcome and who asked; refused ones too. Newest first.',
  'audit.filter.action': 'Action',
  'audit.filter.all': 'all',
  'audit.filter.runId': 'Run',
  'audit.filter.apply': 'Filter',
  'audit.filter.clear': 'Clear',
  'audit.col.at': 'When',
  'audit.col.action': 'Action',
  'audit.col.params': 'Parameters',
  'audit.col.outcome': 'Outcome',
  'audit.col.run': 'Run',
  'audit.col.client': 'Client',
  'audit.duration': '{ms} ms',
  'audit.empty': 'No action recorded.',
  'audit.unavailable': 'No answer from the server. Retrying…',
  'audit.holder.write': 'API key',
  'audit.holder.read': 'read key',
  'audit.holder.none': 'no key',
  'audit.holder.unknown': 'wrong key',
  'audit.run.title': 'Actions on this run',
  'audit.run.empty': 'No action touched this run.',
  'audit.run.all': 'The whole audit log →',
};
