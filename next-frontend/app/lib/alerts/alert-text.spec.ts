import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/dictionary';
import { alertLink, alertText } from './alert-text';
import { ALERT_KINDS, type Alert } from '@pedidos/contract';

const base: Alert = {
  id: 'a1',
  key: 'lane-stalled:VIP',
  kind: 'lane-stalled',
  severity: 'warning',
  message: 'VIP lane of run 8f3c2a1b-0000-4000-8000-000000000000 made no progress for 300 s while it has work',
  runId: '8f3c2a1b-0000-4000-8000-000000000000',
  lane: 'VIP',
  details: { thresholdS: 300, paused: true },
  openedAt: '2026-12-02T14:03:12.345Z',
  clearedAt: null,
};

describe('alertText', () => {
  it('words a stalled lane from its figures, in both languages and the chosen time zone', () => {
    expect(alertText(base, translator('pt-BR'), 'pt-BR', 'UTC')).toBe(
      'Fila VIP parada desde 14:03:12: a fila está pausada com trabalho pendente (limite 300 s, execução 8f3c2a1b…).',
    );
    expect(alertText({ ...base, details: { thresholdS: 1200, paused: false } }, translator('en'), 'en', 'UTC')).toBe(
      'VIP lane has made no progress since 14:03:12 while it has work (threshold 1,200 s, run 8f3c2a1b…).',
    );
  });

  it('has a sentence of its own for every kind in both languages', () => {
    for (const kind of ALERT_KINDS) {
      for (const locale of ['pt-BR', 'en'] as const) {
        const text = alertText({ ...base, kind, details: { reason: 'slot held', count: 3, deadlineS: 60, since: base.openedAt } }, translator(locale), locale, 'UTC');
        expect(text).not.toMatch(/\{\w+\}|alerts\./);
        expect(text).not.toBe(base.message);
      }
    }
    expect(alertText({ ...base, kind: 'run-error', details: { reason: 'slot held' } }, translator('en'), 'en', 'UTC')).toBe('Run 8f3c2a1b… ended in ERROR: slot held');
  });
});

describe('alertLink', () => {
  it('leads to the page where the operator can act', () => {
    expect(alertLink(base)).toBe('/queue');
    expect(alertLink({ ...base, kind: 'run-error' })).toBe(`/runs/${base.runId}`);
    expect(alertLink({ ...base, kind: 'queue-unreachable', runId: null })).toBeNull();
  });
});
