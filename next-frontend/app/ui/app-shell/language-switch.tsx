'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { LOCALE_COOKIE, type Locale } from '@/app/lib/i18n/locales';
import { writePreferenceCookie } from '@/app/lib/preference-cookie';
import { useI18n } from './i18n-context';

const OPTIONS: { locale: Locale; label: string; short: string }[] = [
  { locale: 'pt-BR', label: 'Português (Brasil)', short: 'PT' },
  { locale: 'en', label: 'English', short: 'EN' },
];

/** Stores the language in a cookie, relabels the client widgets at once and re-renders the server components in it. */
export function LanguageSwitch() {
  const { locale, t, chooseLocale } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const choose = (next: Locale) => {
    if (next === locale) return;
    writePreferenceCookie(LOCALE_COOKIE, next);
    try {
      localStorage.setItem(LOCALE_COOKIE, next);
    } catch {
      // Private mode: the cookie alone is enough.
    }
    chooseLocale(next);
    startTransition(() => router.refresh());
  };

  return (
    <div className="segmented" role="group" aria-label={t('language.label')} aria-busy={pending}>
      {OPTIONS.map((option) => (
        <button
          key={option.locale}
          type="button"
          lang={option.locale}
          aria-pressed={option.locale === locale}
          aria-label={option.label}
          title={option.label}
          onClick={() => choose(option.locale)}
          data-testid={`lang-${option.locale}`}
        >
          {option.short}
        </button>
      ))}
    </div>
  );
}
