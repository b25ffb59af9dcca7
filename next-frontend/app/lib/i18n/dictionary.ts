import { en } from './en';
import type { Locale } from './locales';
import { formatMessage, type MessageValues } from './message-format';
import { ptBR } from './pt-br';

export type MessageKey = keyof typeof ptBR;
export type Dictionary = Record<MessageKey, string>;

const dictionaries: Record<Locale, Dictionary> = { 'pt-BR': ptBR, en };

/** Plural arguments (`{count, plural, one {…} other {…}}`) take the number itself, not a formatted string. */
export type Translate = (key: MessageKey, vars?: MessageValues) => string;

/** A translate function for one language; works in server and client components alike. */
export function translator(locale: Locale): Translate {
  const dictionary = dictionaries[locale];
  return (key, vars) => formatMessage(locale, dictionary[key] ?? key, vars);
}
