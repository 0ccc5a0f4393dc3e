import { formatDate } from '@sinergi/core';

/** A calendar date (YYYY-MM-DD) as `28 November 2026`; the day itself, whatever the zone. */
export function formatDay(day: string | null | undefined, lang: string): string {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return '';
  return formatDate(`${day}T12:00:00Z`, lang, 'UTC');
}
