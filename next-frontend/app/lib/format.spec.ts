import { describe, expect, it } from 'vitest';
import { EMPTY, formatClock, formatDateTime, formatDuration, formatNumber, formatPercent, shortId } from './format';

// Intl uses narrow no-break spaces in some outputs; compare on normal spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatNumber', () => {
  it('groups digits the way each language reads them', () => {
    expect(formatNumber('pt-BR', 1_000_000)).toBe('1.000.000');
    expect(formatNumber('en', 1_000_000)).toBe('1,000,000');
    expect(formatNumber('pt-BR', 48852.7)).toBe('48.853');
    expect(formatNumber('pt-BR', 2.5, 1)).toBe('2,5');
  });

  it('shows a dash instead of inventing a value', () => {
    expect(formatNumber('en', null)).toBe(EMPTY);
    expect(formatNumber('en', undefined)).toBe(EMPTY);
    expect(formatNumber('en', Number.NaN)).toBe(EMPTY);
  });
});

describe('formatPercent', () => {
  it('takes a 0–100 value and keeps one decimal', () => {
    expect(plain(formatPercent('pt-BR', 65))).toBe('65,0%');
    expect(formatPercent('en', 65)).toBe('65.0%');
    expect(formatPercent('en', null)).toBe(EMPTY);
  });
});

describe('formatDuration', () => {
  it('uses the largest sensible unit', () => {
    expect(formatDuration('en', 812)).toBe('812 ms');
    expect(formatDuration('pt-BR', 5120)).toBe('5,1 s');
    expect(formatDuration('en', 5120)).toBe('5.1 s');
    expect(formatDuration('en', 185_000)).toBe('3 min 05 s');
    expect(formatDuration('en', 3_720_000)).toBe('1 h 02 min');
  });

  it('shows a dash when there is no duration yet', () => {
    expect(formatDuration('en', null)).toBe(EMPTY);
    expect(formatDuration('en', -1)).toBe(EMPTY);
  });
});

describe('dates', () => {
  const at = '2026-11-21T14:05:09.123Z';

  it('formats date and time for the chosen language and time zone', () => {
    expect(plain(formatDateTime('pt-BR', at, 'UTC'))).toBe('21/11/2026, 14:05:09');
    expect(plain(formatDateTime('en', at, 'UTC'))).toBe('11/21/26, 2:05:09 PM');
    expect(plain(formatDateTime('pt-BR', at, 'America/Sao_Paulo'))).toBe('21/11/2026, 11:05:09');
  });

  it('formats log times with milliseconds', () => {
    expect(formatClock('pt-BR', at, 'UTC')).toBe('14:05:09,123');
    expect(formatClock('en', at, 'UTC')).toBe('14:05:09.123');
  });

  it('shows a dash for missing or invalid dates', () => {
    expect(formatDateTime('en', null)).toBe(EMPTY);
    expect(formatDateTime('en', 'not a date')).toBe(EMPTY);
  });
});

describe('shortId', () => {
  it('shortens long ids only', () => {
    expect(shortId('8f3c2a1b-0000-4000-8000-000000000000')).toBe('8f3c2a1b…');
    expect(shortId('abc')).toBe('abc');
    expect(shortId(null)).toBe(EMPTY);
  });
});
