import { describe, expect, it } from 'vitest';
import { argumentNames, formatMessage } from './message-format';

const ORDERS = '{count, plural, =0 {nenhum pedido} one {# pedido voltou} other {# pedidos voltaram}} (execução {runId})';

describe('formatMessage', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('pt-BR', '{a} de {b}', { a: 1, b: '2' })).toBe('1 de 2');
    expect(formatMessage('pt-BR', '{missing}', {})).toBe('{missing}');
  });

  it("picks the plural branch by the language's rules, with # in its number format", () => {
    expect(formatMessage('pt-BR', ORDERS, { count: 1, runId: 'r1' })).toBe('1 pedido voltou (execução r1)');
    expect(formatMessage('pt-BR', ORDERS, { count: 2000, runId: 'r1' })).toBe('2.000 pedidos voltaram (execução r1)');
    expect(formatMessage('en', '{n, plural, one {# job} other {# jobs}}', { n: 1500 })).toBe('1,500 jobs');
    expect(formatMessage('en', '{n, plural, one {# job} other {# jobs}}', { n: 1 })).toBe('1 job');
  });

  it('prefers an exact branch, and follows each language: 0 is singular in Portuguese, plural in English', () => {
    expect(formatMessage('pt-BR', ORDERS, { count: 0, runId: 'r1' })).toBe('nenhum pedido (execução r1)');
    expect(formatMessage('pt-BR', '{n, plural, one {# linha} other {# linhas}}', { n: 0 })).toBe('0 linha');
    expect(formatMessage('en', '{n, plural, one {# line} other {# lines}}', { n: 0 })).toBe('0 lines');
  });

  it('takes several plural arguments in one message', () => {
    const text = '{jobs, plural, one {# job saiu} other {# jobs saíram}}; {orders, plural, one {# pedido voltou} other {# pedidos voltaram}}';
    expect(formatMessage('pt-BR', text, { jobs: 1, orders: 3 })).toBe('1 job saiu; 3 pedidos voltaram');
  });

  it('leaves a plural argument visible when its value is missing or not a number', () => {
    expect(formatMessage('en', 'x {n, plural, one {#} other {#s}}', {})).toBe('x {n, plural, one {#} other {#s}}');
    expect(formatMessage('en', '{n, plural, one {#} other {#s}}', { n: 'many' })).toBe('{n, plural, one {#} other {#s}}');
  });

  it('names every argument, plural or not', () => {
    expect(argumentNames(ORDERS)).toEqual(['count', 'runId']);
  });
});
