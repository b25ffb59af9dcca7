import { describe, expect, it } from 'vitest';
import { PHASES } from '@pedidos/contract';
import { translator } from './dictionary';
import { en } from './en';
import { argumentNames, formatMessage } from './message-format';
import { ptBR } from './pt-br';

describe('dictionaries', () => {
  it('have the same keys and no empty text', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ptBR).sort());
    for (const text of [...Object.values(en), ...Object.values(ptBR)]) expect(text.trim()).not.toBe('');
  });

  it('name every phase in both languages', () => {
    for (const phase of PHASES) {
      expect(translator('pt-BR')(`phase.${phase}`)).not.toBe(`phase.${phase}`);
      expect(translator('en')(`phase.${phase}`)).not.toBe(`phase.${phase}`);
    }
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(ptBR) as (keyof typeof ptBR)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(ptBR[key]));
    }
  });

  it('use the same arguments, plural ones included, in both languages', () => {
    for (const key of Object.keys(ptBR) as (keyof typeof ptBR)[]) {
      expect(argumentNames(en[key]), key).toEqual(argumentNames(ptBR[key]));
    }
  });

  it('default to Portuguese text and interpolate values', () => {
    expect(translator('pt-BR')('controls.generate')).toBe('Gerar');
    expect(translator('en')('controls.generate')).toBe('Generate');
    expect(formatMessage('pt-BR', '{a} de {b}', { a: 1, b: '2' })).toBe('1 de 2');
    expect(formatMessage('pt-BR', '{missing}', {})).toBe('{missing}');
  });
});
