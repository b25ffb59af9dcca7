'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect } from 'react';
import { inAppRouteOf, isRouterClick, routeKeyOf } from '@/app/lib/navigation/route-key';

/**
 * How long a client navigation may go uncommitted before the page is loaded in full. Next.js 15.5's router
 * sometimes fetches a navigation's payload (answered 200) and never commits it, leaving the old page and URL
 * (vercel/next.js#96413, #83386; seen here for a search's `router.push`, the pager's links and history
 * navigations). A route that streams commits its loading skeleton well within this.
 */
const UNCOMMITTED_NAVIGATION_MS = 4_000;

interface PendingNavigation {
  route: string;
  timer: ReturnType<typeof setTimeout>;
}

let committedRoute: string | null = null;
let pending: PendingNavigation | null = null;

function settle(route: string): void {
  committedRoute = route;
  if (pending?.route === route) {
    clearTimeout(pending.timer);
    pending = null;
  }
}

/** Watches a navigation to `route`; if the router has not committed it in time, `fallback` loads it. */
function watch(route: string, fallback: () => void): void {
  if (pending) clearTimeout(pending.timer);
  pending = null;
  if (route === committedRoute) return;
  pending = {
    route,
    timer: setTimeout(() => {
      pending = null;
      fallback();
    }, UNCOMMITTED_NAVIGATION_MS),
  };
}

/**
 * Makes sure every client navigation ends on the page it was for: links the router handles (caught at the
 * document) and `push` from `useCommittedRouter` are watched; the browser's back and forward load the page in
 * full. Renders nothing.
 */
export function NavigationWatchdog() {
  const pathname = usePathname();
  const searchParams = useSearchParams();

  useEffect(() => settle(routeKeyOf(pathname, searchParams)), [pathname, searchParams]);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(anchor instanceof HTMLAnchorElement)) return;
      const click = { button: event.button, modified: event.metaKey || event.ctrlKey || event.shiftKey || event.altKey, target: anchor.getAttribute('target'), download: anchor.hasAttribute('download') };
      const route = isRouterClick(click) ? inAppRouteOf(anchor.href, window.location.href, window.location.origin) : null;
      if (route === null) return;
      // Once every handler has run: a link the router took has had its default prevented; any other the browser loads.
      setTimeout(() => {
        if (event.defaultPrevented) watch(route, () => window.location.assign(anchor.href));
      }, 0);
    };
    // Back and forward load the page in full. The router can commit a history navigation's URL and keep the
    // other page's content (a fresh-clone CI run: back from the orders' second page still listed it), which no
    // watch of the URL can see. A hash-only step stays in the page.
    const onHistory = () => {
      if (routeKeyOf(window.location.pathname, window.location.search) !== committedRoute) window.location.reload();
    };
    document.addEventListener('click', onClick, true);
    window.addEventListener('popstate', onHistory);
    return () => {
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('popstate', onHistory);
    };
  }, []);

  return null;
}

/** The router, with a `push` that loads the page in full if the router never commits it (see NavigationWatchdog). */
export function useCommittedRouter() {
  const router = useRouter();
  const push = useCallback(
    (href: string) => {
      const route = inAppRouteOf(href, window.location.href, window.location.origin);
      if (route !== null) watch(route, () => window.location.assign(href));
      router.push(href);
    },
    [router],
  );
  return { push };
}
