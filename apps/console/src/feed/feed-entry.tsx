import type { ComponentChildren } from 'preact';
import type { FeedEntry } from '../api/types';
import { useTranslation } from '../i18n/i18n';
import { ItemLabels } from '../ui/item-labels';
import { ParticipantName } from '../ui/participant-name';
import { TimeStamp } from '../ui/time-stamp';

/** The comment or answer the entry is about, as it now stands. */
function EntryExcerpt({ entry }: { entry: FeedEntry }) {
  const { t } = useTranslation();
  if (entry.comment !== null) {
    return entry.comment.retracted || entry.comment.body === null ? (
      <p class="entry-excerpt retracted">{t('comments.retracted')}</p>
    ) : (
      <blockquote class="entry-excerpt" translate={false}>
        {entry.comment.body}
      </blockquote>
    );
  }
  if (entry.answer !== null) {
    return (
      <blockquote class="entry-excerpt" translate={false}>
        {entry.answer.body}
      </blockquote>
    );
  }
  return null;
}

/** One activity: what happened, when, to which item, by whom; `meta` goes first on its first line. */
export function FeedEntryContent({ entry, meta }: { entry: FeedEntry; meta?: ComponentChildren }) {
  const { label } = useTranslation();
  return (
    <>
      <p class="entry-meta">
        {meta}
        <span class="entry-activity">{label('Activity', entry.activity)}</span>
        <TimeStamp at={entry.occurredAt} />
      </p>
      <h3 class="entry-title">
        <a href={`/items/${encodeURIComponent(entry.item.id)}`} translate={false}>
          {entry.item.title}
        </a>
      </h3>
      <EntryExcerpt entry={entry} />
      <p class="entry-actor">
        <ParticipantName participant={entry.actor} />
      </p>
      <ItemLabels item={entry.item} />
    </>
  );
}
