'use client';

import { useState } from 'react';
import { writePreferenceCookie } from '@/app/lib/preference-cookie';
import { THEME_COOKIE, THEMES, type Theme } from '@/app/lib/theme';
import { useI18n } from './i18n-context';

const ICONS: Record<Theme, string> = { system: '◐', light: '☀', dark: '☾' };

/** Applies the theme at once (html data-theme) and keeps it in a cookie for the server's first paint. */
export function ThemeSwitch({ initialTheme }: { initialTheme: Theme }) {
  const { t } = useI18n();
  const [theme, setTheme] = useState<Theme>(initialTheme);

  const choose = (next: Theme) => {
    setTheme(next);
    writePreferenceCookie(THEME_COOKIE, next);
    document.documentElement.dataset.theme = next;
  };

  return (
    <div className="segmented" role="group" aria-label={t('theme.label')}>
      {THEMES.map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={option === theme}
          aria-label={t(`theme.${option}`)}
          title={t(`theme.${option}`)}
          onClick={() => choose(option)}
          data-testid={`theme-${option}`}
        >
          <span aria-hidden="true">{ICONS[option]}</span>
        </button>
      ))}
    </div>
  );
}
