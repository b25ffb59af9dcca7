/**
 * A route as the router commits it: its path and its query, the query's parameters in one order, so the same
 * route reads the same whether it came from a link, from `router.push` or from the browser's location.
 */
export function routeKeyOf(pathname: string, search: string | URLSearchParams): string {
  const params = new URLSearchParams(search);
  params.sort();
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}

/** The route a URL (absolute, or relative to `base`) names inside the app at `origin`; null when it leaves the app. */
export function inAppRouteOf(href: string, base: string, origin: string): string | null {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  return url.origin === origin ? routeKeyOf(url.pathname, url.search) : null;
}

/** The little of a click that decides whether the app's router handles it (as Next.js's Link does). */
export interface LinkClick {
  button: number;
  modified: boolean;
  target: string | null;
  download: boolean;
}

/** A plain left click, in this tab, not already handled: the kind of click Next.js turns into a client navigation. */
export function isRouterClick(click: LinkClick): boolean {
  return click.button === 0 && !click.modified && !click.download && (!click.target || click.target === '_self');
}
