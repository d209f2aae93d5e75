import { useTranslation } from '../i18n/i18n';

export function TimeStamp({ at, dateOnly = false }: { at: string; dateOnly?: boolean }) {
  const { dateTime, date } = useTranslation();
  return <time dateTime={at}>{dateOnly ? date(at) : dateTime(at)}</time>;
}
