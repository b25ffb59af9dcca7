import { formatNumber } from '../format';
import type { Locale } from './locales';

export type MessageValues = Record<string, string | number>;

/*
 * The subset of ICU MessageFormat the dictionaries use: `{name}` and `{name, plural, =0 {…} one {…} other {…}}`,
 * where `#` in a branch is the number in the locale's grouping. Kept in the hand-rolled i18n rather than moving
 * to next-intl: two languages, one cookie and no locale routing need no provider or message loader, and the
 * syntax is next-intl's, so the dictionaries move over unchanged if the dashboard ever needs it.
 */

const PLURAL_ARGUMENT = /^\s*(\w+)\s*,\s*plural\s*,/;
const BRANCH_SELECTOR = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/;

const pluralRules = new Map<Locale, Intl.PluralRules>();
function pluralCategory(locale: Locale, value: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(value);
}

/** Index of the `}` closing the `{` at `open`, or -1. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The branches of a plural argument (`one {…} other {…}`) by selector, or null when malformed. */
function pluralBranches(text: string): Map<string, string> | null {
  const branches = new Map<string, string>();
  let rest = text;
  while (rest.trim()) {
    const selector = BRANCH_SELECTOR.exec(rest);
    if (!selector) return null;
    const open = selector[0].length - 1;
    const close = closingBrace(rest, open);
    if (close < 0) return null;
    branches.set(selector[1], rest.slice(open + 1, close));
    rest = rest.slice(close + 1);
  }
  return branches.has('other') ? branches : null;
}

function formatPlural(locale: Locale, name: string, body: string, values: MessageValues | undefined, source: string): string {
  const raw = values?.[name];
  const value = typeof raw === 'number' ? raw : Number(raw);
  const branches = pluralBranches(body);
  if (raw === undefined || !Number.isFinite(value) || !branches) return source;
  const branch = branches.get(`=${value}`) ?? branches.get(pluralCategory(locale, value)) ?? branches.get('other')!;
  return format(locale, branch, values, formatNumber(locale, value));
}

function format(locale: Locale, template: string, values: MessageValues | undefined, pound: string | undefined): string {
  let out = '';
  let at = 0;
  while (at < template.length) {
    const open = template.indexOf('{', at);
    const text = template.slice(at, open < 0 ? undefined : open);
    out += pound === undefined ? text : text.replaceAll('#', pound);
    if (open < 0) break;
    const close = closingBrace(template, open);
    if (close < 0) return out + template.slice(open);
    const source = template.slice(open, close + 1);
    const inner = template.slice(open + 1, close);
    const plural = PLURAL_ARGUMENT.exec(inner);
    if (plural) out += formatPlural(locale, plural[1], inner.slice(plural[0].length), values, source);
    else out += values && inner in values ? String(values[inner]) : source;
    at = close + 1;
  }
  return out;
}

/** Fills a message's arguments; an argument with no value stays visible, so a missing value is noticed. */
export function formatMessage(locale: Locale, template: string, values?: MessageValues): string {
  return format(locale, template, values, undefined);
}

/** The names of a message's arguments, plural ones and those inside their branches included. */
export function argumentNames(template: string): string[] {
  const names = new Set<string>();
  const collect = (text: string) => {
    for (let open = text.indexOf('{'); open >= 0; open = text.indexOf('{', open + 1)) {
      const close = closingBrace(text, open);
      if (close < 0) return;
      const inner = text.slice(open + 1, close);
      const plural = PLURAL_ARGUMENT.exec(inner);
      if (plural) {
        names.add(plural[1]);
        pluralBranches(inner.slice(plural[0].length))?.forEach(collect);
      } else names.add(inner);
      open = close;
    }
  };
  collect(template);
  return [...names].sort();
}
