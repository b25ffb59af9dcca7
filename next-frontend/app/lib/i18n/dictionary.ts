import { en } from './en';
import type { Locale } from './locales';
import { ptBR } from './pt-br';

export type MessageKey = keyof typeof ptBR;
export type Dictionary = Record<MessageKey, string>;

const dictionaries: Record<Locale, Dictionary> = { 'pt-BR': ptBR, en };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Replaces `{name}` placeholders; unknown placeholders stay visible so a missing value is noticed. */
export function interpolate(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

/** A translate function for one language; works in server and client components alike. */
export function translator(locale: Locale): Translate {
  const dictionary = dictionaries[locale];
  return (key, vars) => interpolate(dictionary[key] ?? key, vars);
}
