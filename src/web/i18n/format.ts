import { useTranslation } from 'react-i18next';

// Every date and number on screen goes through these, so both languages format the same way.

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', options);
    dateFormats.set(key, format);
  }
  return format;
}

/** A calendar date ("2016-03-09") as "9 maart 2016" / "9 March 2016"; the text itself if it is not a date. */
export function formatDate(value: string | null | undefined, locale: string): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  // A birth date has no time zone: format it in UTC so it never shifts a day.
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return dateFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** An instant (ISO 8601) as local date and time, e.g. "21 nov. 2026, 14:05". */
export function formatDateTime(value: string | null | undefined, locale: string): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A whole number with the language's grouping (1.234 / 1,234). */
export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nl-NL').format(value);
}

/** A measured value with at most `digits` decimals (2,5 / 2.5). */
export function formatDecimal(value: number, locale: string, digits = 2): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: digits }).format(value);
}

/** A difference or change, always with its sign (+0,25 / −0,1 / 0). */
export function formatSigned(value: number, locale: string, digits = 2): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(value);
}

/** The formatters bound to the current interface language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return {
    date: (value: string | null | undefined) => formatDate(value, locale),
    dateTime: (value: string | null | undefined) => formatDateTime(value, locale),
    number: (value: number) => formatNumber(value, locale),
    decimal: (value: number, digits?: number) => formatDecimal(value, locale, digits),
    signed: (value: number, digits?: number) => formatSigned(value, locale, digits),
  };
}
