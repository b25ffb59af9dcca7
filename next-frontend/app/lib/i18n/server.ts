import { cookies } from 'next/headers';
import { translator } from './dictionary';
import { LOCALE_COOKIE, toLocale } from './locales';
import { TIME_ZONE_COOKIE, toTimeZone } from './time-zone';

/** Language and time zone of this request (from cookies), with its translate function. */
export async function getRequestI18n() {
  const store = await cookies();
  const locale = toLocale(store.get(LOCALE_COOKIE)?.value);
  const timeZone = toTimeZone(store.get(TIME_ZONE_COOKIE)?.value);
  return { locale, timeZone, t: translator(locale) };
}
