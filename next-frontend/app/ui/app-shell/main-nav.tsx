'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useI18n } from './i18n-context';

const LINKS = [
  { href: '/', key: 'nav.overview' },
  { href: '/logs', key: 'nav.logs' },
  { href: '/queue', key: 'nav.queue' },
  { href: '/runs', key: 'nav.runs' },
  { href: '/dead-letters', key: 'nav.deadLetters' },
  { href: '/orders', key: 'nav.orders' },
  { href: '/eventos', key: 'nav.events' },
  { href: '/audit', key: 'nav.audit' },
] as const;

/** Client-side links keep the socket and the chart's series alive between pages. */
export function MainNav() {
  const pathname = usePathname();
  const { t } = useI18n();
  return (
    <nav aria-label={t('nav.label')} className="main-nav">
      <ul>
        {LINKS.map(({ href, key }) => {
          const current = href === '/' ? pathname === '/' : pathname.startsWith(href);
          return (
            <li key={href}>
              <Link href={href} aria-current={current ? 'page' : undefined}>
                {t(key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
