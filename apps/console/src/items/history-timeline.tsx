import type { HistoryEvent } from '../api/types';
import { useTranslation } from '../i18n/i18n';
import { ParticipantName } from '../ui/participant-name';
import { TimeStamp } from '../ui/time-stamp';

/** Every recorded event of the item, oldest first, as the audit trail holds it. */
export function HistoryTimeline({ events }: { events: readonly HistoryEvent[] }) {
  const { t } = useTranslation();
  return (
    <section class="history" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('history.title')}</h2>
      <ol class="timeline">
        {events.map((event) => (
          <li key={event.position}>
            <TimeStamp at={event.occurredAt} />
            <code translate={false}>{event.type}</code>
            <ParticipantName participant={event.actor} />
            <span class="hint">{t('history.version', { version: event.version })}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
