import { useTranslation } from '../i18n/i18n';

/** An instant in the viewer's time zone; `dateOnly` drops the time; `day` reads a calendar day kept at its UTC start. */
export function TimeStamp({ at, dateOnly = false, day = false }: { at: string; dateOnly?: boolean; day?: boolean }) {
  const { dateTime, date, day: dayOf } = useTranslation();
  return <time dateTime={at}>{day ? dayOf(at) : dateOnly ? date(at) : dateTime(at)}</time>;
}

/** The days an activity spanned, one day when they are the same. */
export function DaySpan({ from, to }: { from: string; to: string }) {
  const { day, dayRange } = useTranslation();
  return <time dateTime={from}>{from === to ? day(from) : dayRange(from, to)}</time>;
}
