import { describe, expect, it } from 'vitest';
import { EMPTY } from '../format';
import { fillPercent, formatRate, formatTimeOfDay, sharePercent, typeMix } from './event-format';

describe('formatTimeOfDay', () => {
  it('shows the time to the second in the given zone', () => {
    expect(formatTimeOfDay('pt-BR', '2026-12-01T23:40:12.345Z', 'UTC')).toBe('23:40:12');
    expect(formatTimeOfDay('en', '2026-12-01T23:40:12.345Z', 'America/Sao_Paulo')).toBe('20:40:12');
    expect(formatTimeOfDay('en', null)).toBe(EMPTY);
  });
});

describe('formatRate', () => {
  it('keeps one decimal for small rates and groups large ones per language', () => {
    expect(formatRate('pt-BR', 2.46)).toBe('2,5');
    expect(formatRate('en', 2.46)).toBe('2.5');
    expect(formatRate('pt-BR', 1234.4)).toBe('1.234');
    expect(formatRate('en', 1234.4)).toBe('1,234');
    expect(formatRate('en', 0)).toBe('0');
  });

  it('shows a dash for a missing rate', () => {
    expect(formatRate('en', null)).toBe(EMPTY);
    expect(formatRate('en', Number.NaN)).toBe(EMPTY);
  });
});

describe('typeMix', () => {
  it('lists the present types in the usual order', () => {
    expect(typeMix({ purchase: 1, view: 3, search: 0 })).toEqual([
      ['view', 3],
      ['purchase', 1],
    ]);
    expect(typeMix(undefined)).toEqual([]);
  });
});

describe('sharePercent and fillPercent', () => {
  it('is a share of a positive total only', () => {
    expect(sharePercent(1, 4)).toBe(25);
    expect(sharePercent(1, 0)).toBeNull();
    expect(sharePercent(null, 4)).toBeNull();
  });

  it('clamps a fill to 0–100 (a batch can be older than its flush time while it is being written)', () => {
    expect(fillPercent(250, 500)).toBe(50);
    expect(fillPercent(1200, 1000)).toBe(100);
    expect(fillPercent(3, 0)).toBeNull();
  });
});
