import { ITEM_KINDS, type ItemKind, SUBREGIONS, type Subregion, TOPICS, type Topic } from '../api/enums';
import { useTranslation } from '../i18n/i18n';

export interface FeedFilter {
  /** Null: every subregion the viewer may see. */
  readonly subregion: Subregion | null;
  readonly kinds: readonly ItemKind[];
  readonly topic: Topic | null;
}

const ALL = 'ALL';

/** The filter in the page's address, so that it survives a reload and can be shared. */
export function filterFromQuery(query: Record<string, string>, defaultSubregion: Subregion | null): FeedFilter {
  const subregion = query['subregion'];
  const kinds = (query['kinds'] ?? '')
    .split(',')
    .filter((kind): kind is ItemKind => ITEM_KINDS.includes(kind as ItemKind));
  const topic = query['topic'];
  return {
    subregion:
      subregion === ALL
        ? null
        : SUBREGIONS.includes(subregion as Subregion)
          ? (subregion as Subregion)
          : defaultSubregion,
    kinds,
    topic: TOPICS.includes(topic as Topic) ? (topic as Topic) : null,
  };
}

export function queryOfFilter(filter: FeedFilter): string {
  const params = new URLSearchParams({ subregion: filter.subregion ?? ALL });
  if (filter.kinds.length > 0) params.set('kinds', filter.kinds.join(','));
  if (filter.topic !== null) params.set('topic', filter.topic);
  return params.toString();
}

/** The filter as the API's arguments (`feed`, `feedUpdated`, `search`): what is not chosen is left out. */
export function filterVariables(filter: FeedFilter) {
  return {
    subregion: filter.subregion,
    kinds: filter.kinds.length > 0 ? filter.kinds : null,
    topics: filter.topic === null ? null : [filter.topic],
  };
}

/** Subregion, kinds and topic: the feed's filters, and the search's. */
export function FeedFilters({
  filter,
  onChange,
  name,
}: {
  filter: FeedFilter;
  onChange: (filter: FeedFilter) => void;
  /** What the form is called, for assistive technology; the feed's filters when not given. */
  name?: string;
}) {
  const { t, label } = useTranslation();
  const toggleKind = (kind: ItemKind, on: boolean) =>
    onChange({ ...filter, kinds: on ? [...filter.kinds, kind] : filter.kinds.filter((other) => other !== kind) });
  return (
    <form class="filters" aria-label={name ?? t('feed.filters')} onSubmit={(event) => event.preventDefault()}>
      <div class="field">
        <label for="feed-subregion">{t('feed.subregion')}</label>
        <select
          id="feed-subregion"
          value={filter.subregion ?? ALL}
          onChange={(event) => {
            const value = event.currentTarget.value;
            onChange({ ...filter, subregion: value === ALL ? null : (value as Subregion) });
          }}
        >
          <option value={ALL}>{t('feed.allSubregions')}</option>
          {SUBREGIONS.map((subregion) => (
            <option key={subregion} value={subregion}>
              {label('Subregion', subregion)}
            </option>
          ))}
        </select>
      </div>
      <fieldset class="field kinds">
        <legend>{t('feed.kinds')}</legend>
        {ITEM_KINDS.map((kind) => (
          <label key={kind} class="check">
            <input
              type="checkbox"
              name="kind"
              value={kind}
              checked={filter.kinds.includes(kind)}
              onChange={(event) => toggleKind(kind, event.currentTarget.checked)}
            />
            {label('ItemKind', kind)}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="feed-topic">{t('feed.topic')}</label>
        <select
          id="feed-topic"
          value={filter.topic ?? ALL}
          onChange={(event) => {
            const value = event.currentTarget.value;
            onChange({ ...filter, topic: value === ALL ? null : (value as Topic) });
          }}
        >
          <option value={ALL}>{t('feed.allTopics')}</option>
          {TOPICS.map((topic) => (
            <option key={topic} value={topic}>
              {label('Topic', topic)}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
