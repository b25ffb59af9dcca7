'use client';

import type { ReactNode } from 'react';

/**
 * The route's content, rendered as the child of a component instead of straight under `<main>`.
 *
 * Why: the element Next.js puts there carries the root error boundary's component (`app/error.tsx`)
 * as a prop, so while that chunk is still loading, React's Flight client hands it over as a lazy
 * node. Hydration suspends on it inside `<main>`; when the chunk arrives during React's yield, the React
 * that Next.js 15.5 bundles (a 19.2 canary) replays `<main>` without rewinding its hydration cursor, takes
 * main's first child for `<main>` and reports #418 (fixed upstream by facebook/react#35494). Replaying a
 * component touches no cursor, so the same suspension is harmless here. README: "hydration error #418".
 */
export function RouteContent({ children }: { children: ReactNode }) {
  return children;
}
