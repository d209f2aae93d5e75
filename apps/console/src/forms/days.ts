/*
 * Calendar days in forms (yyyy-mm-dd, as date inputs give them) and the API's
 * instants. A day the API keeps as a day (an activity's dates, a project's
 * start and completion) is its first instant in UTC, so it reads the same day
 * in every time zone; a deadline is the end of the day where the viewer is.
 */

export function dayStart(day: string): string {
  return `${day}T00:00:00.000Z`;
}

export function endOfLocalDay(day: string): string {
  return new Date(`${day}T23:59:59.999`).toISOString();
}

/** The day of an instant, in UTC. */
export function dayOf(iso: string): string {
  return iso.slice(0, 10);
}

/** Today, or `days` from today, where the viewer is. */
export function localDay(days = 0): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
