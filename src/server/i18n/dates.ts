import type { Locale } from '../../shared/roles';
import { SCHOOL_TIME_ZONE } from '../../shared/school-time';

// The one place where the server writes dates for people (mails, PDF reports): "17 december 2026" in
// Dutch, "17 December 2026" in English — never the stored 2026-12-17.

/** The BCP 47 tag Intl uses for each interface language. */
export const INTL_LOCALE: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(locale: Locale, kind: 'day' | 'weekday' | 'instant'): Intl.DateTimeFormat {
  const key = `${locale}:${kind}`;
  let format = formats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'instant'
        ? { dateStyle: 'long', timeStyle: 'short', timeZone: SCHOOL_TIME_ZONE }
        : { ...(kind === 'weekday' ? { weekday: 'long' as const } : {}), day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], options);
    formats.set(key, format);
  }
  return format;
}

/** A calendar date (YYYY-MM-DD) in words: "17 december 2026", or with `weekday` "donderdag 17 december 2026". */
export function formatCalendarDate(isoDate: string, locale: Locale, options: { weekday?: boolean } = {}): string {
  return formatFor(locale, options.weekday ? 'weekday' : 'day').format(new Date(`${isoDate}T00:00:00Z`));
}

/** A moment in the school's time zone: "17 december 2026 om 14:05". */
export function formatInstant(value: Date, locale: Locale): string {
  return formatFor(locale, 'instant').format(value);
}
