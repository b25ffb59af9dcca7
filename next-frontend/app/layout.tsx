import type { Metadata, Viewport } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { Suspense, type ReactNode } from 'react';
import { AlertBanner } from '@/app/ui/alerts/alert-banner';
import { getRequestI18n } from '@/app/lib/i18n/server';
import { getRuntimeConfig } from '@/app/lib/server/runtime-config';
import { ACCESS_KEY, type AccessView } from '@/app/lib/access';
import { fetchBackendData } from '@/app/lib/server/backend';
import { THEME_COOKIE, toTheme } from '@/app/lib/theme';
import { ConnectionIndicator } from '@/app/ui/app-shell/connection-indicator';
import { I18nProvider } from '@/app/ui/app-shell/i18n-context';
import { LanguageSwitch } from '@/app/ui/app-shell/language-switch';
import { LiveProvider } from '@/app/ui/app-shell/live-provider';
import { MainNav } from '@/app/ui/app-shell/main-nav';
import { NavigationWatchdog } from '@/app/ui/app-shell/navigation-watchdog';
import { RouteContent } from '@/app/ui/app-shell/route-content';
import { ThemeSwitch } from '@/app/ui/app-shell/theme-switch';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getRequestI18n();
  return { title: { default: t('app.title'), template: `%s · ${t('app.title')}` } };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f6f7f9' },
    { media: '(prefers-color-scheme: dark)', color: '#111418' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale, timeZone, t } = await getRequestI18n();
  const theme = toTheme((await cookies()).get(THEME_COOKIE)?.value);
  // Read per request, so the same build works locally and behind docker-compose.
  const { publicApiUrl, apiKey } = getRuntimeConfig();
  const access = await fetchBackendData<AccessView>(ACCESS_KEY);

  return (
    <html lang={locale} data-theme={theme}>
      <body>
        <a className="skip-link" href="#main">
          {t('app.skip')}
        </a>
        <I18nProvider locale={locale} timeZone={timeZone}>
          <LiveProvider apiUrl={publicApiUrl} apiKey={apiKey} access={access}>
            <header className="topbar">
              <div className="topbar-inner">
                <Link className="brand" href="/">
                  <span className="brand-mark" aria-hidden="true">▦</span> {t('app.title')}
                </Link>
                <MainNav />
                <div className="topbar-tools">
                  <ConnectionIndicator />
                  <LanguageSwitch />
                  <ThemeSwitch initialTheme={theme} />
                </div>
              </div>
            </header>
            <AlertBanner />
            <Suspense fallback={null}>
              <NavigationWatchdog />
            </Suspense>
            <main id="main" className="page" tabIndex={-1}>
              <RouteContent>{children}</RouteContent>
            </main>
          </LiveProvider>
        </I18nProvider>
      </body>
    </html>
  );
}
