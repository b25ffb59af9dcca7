/** Writes a one-year cookie readable by the server on the next request (theme, language, time zone). */
export function writePreferenceCookie(name: string, value: string): void {
  document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=31536000; samesite=lax`;
}
