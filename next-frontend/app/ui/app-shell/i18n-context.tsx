'use client';

import { useRouter } from 'next/navigation';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { translator, type Translate } from '@/app/lib/i18n/dictionary';
import { DEFAULT_LOCALE, type Locale } from '@/app/lib/i18n/locales';
import { DEFAULT_TIME_ZONE, TIME_ZONE_COOKIE } from '@/app/lib/i18n/time-zone';
import { writePreferenceCookie } from '@/app/lib/preference-cookie';

interface I18nValue {
  locale: Locale;
  timeZone: string;
  t: Translate;
  /** Relabels the client widgets at once; the server-rendered parts follow when the caller's refresh arrives. */
  chooseLocale: (locale: Locale) => void;
}

/** How long a language choice may wait for the server's re-render before the page is reloaded in it. */
const UNRENDERED_CHOICE_RELOAD_MS = 5_000;

const I18nContext = createContext<I18nValue>({
  locale: DEFAULT_LOCALE,
  timeZone: DEFAULT_TIME_ZONE,
  t: translator(DEFAULT_LOCALE),
  chooseLocale: () => undefined,
});

/** Language and time zone chosen on the server for this request, shared with client widgets. */
export function I18nProvider({ locale: serverLocale, timeZone, children }: { locale: Locale; timeZone: string; children: ReactNode }) {
  const router = useRouter();
  const [chosen, setChosen] = useState<Locale | null>(null);
  const locale = chosen ?? serverLocale;
  const value = useMemo(() => ({ locale, timeZone, t: translator(locale), chooseLocale: setChosen }), [locale, timeZone]);

  // The server's locale is the truth again once it changes (the refresh after a choice arrived).
  useEffect(() => setChosen(null), [serverLocale]);
  // Next.js 15.5's router sometimes fetches a refresh's payload and never applies it (seen after a history
  // navigation back to a page, in the browser tests): the server-rendered parts would stay in the old
  // language. A choice the server has not rendered by then is made good by reloading the page.
  useEffect(() => {
    if (chosen === null || chosen === serverLocale) return;
    const timer = setTimeout(() => window.location.reload(), UNRENDERED_CHOICE_RELOAD_MS);
    return () => clearTimeout(timer);
  }, [chosen, serverLocale]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  // The server only learns the browser's time zone from this cookie; re-render once when it was missing or stale.
  useEffect(() => {
    const browserTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (browserTimeZone && browserTimeZone !== timeZone) {
      writePreferenceCookie(TIME_ZONE_COOKIE, browserTimeZone);
      router.refresh();
    }
  }, [timeZone, router]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = () => useContext(I18nContext);
