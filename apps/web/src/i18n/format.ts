import { intlLocale } from './index';

/** Date and time as a South African reader expects them, in the UI language. */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** A calendar date ('YYYY-MM-DD', e.g. an expiry) in the UI language, never shifted by the time zone. */
export function formatCalendarDate(date: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

const AGE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
];

/** How long ago `iso` was, in words ("5 minutes ago", "yesterday"), in the UI language. */
export function formatAge(iso: string, language: string, now: Date = new Date()): string {
  const elapsed = Math.max(0, now.getTime() - Date.parse(iso));
  const format = new Intl.RelativeTimeFormat(intlLocale(language), { numeric: 'auto' });
  for (const [unit, size] of AGE_UNITS) {
    if (elapsed >= size || unit === 'second') return format.format(-Math.floor(elapsed / size), unit);
  }
  return format.format(0, 'second');
}

/** A time of day ("14:05"), for "locked until". */
export function formatTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { timeStyle: 'short' }).format(new Date(iso));
}
