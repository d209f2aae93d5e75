import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { FEED, FEED_UPDATED } from '../api/documents';
import type { ApiError } from '../api/graphql-client';
import type { Connection, FeedEntry } from '../api/types';
import { useTranslation } from '../i18n/i18n';
import { useSession } from '../session/session';
import { ConnectionStatus } from '../ui/connection-status';
import { ErrorMessage } from '../ui/error-message';
import { FeedEntryContent } from './feed-entry';
import { FeedFilters, filterFromQuery, filterVariables, queryOfFilter } from './feed-filters';

const PAGE_SIZE = 20;

interface FeedState {
  /** Newest first. */
  readonly entries: readonly FeedEntry[];
  /** Cursors of the entries that arrived live, to mark them. */
  readonly arrived: ReadonlySet<string>;
  readonly endCursor: string | null;
  readonly hasOlder: boolean;
}

const EMPTY: FeedState = { entries: [], arrived: new Set(), endCursor: null, hasOlder: false };

function FeedEntryView({ entry, arrived }: { entry: FeedEntry; arrived: boolean }) {
  return (
    <li class={arrived ? 'entry entry-arrived' : 'entry'} data-cursor={entry.cursor}>
      <FeedEntryContent entry={entry} />
    </li>
  );
}

export function FeedPage() {
  const { viewer, request, live } = useSession();
  const { t, label } = useTranslation();
  const location = useLocation();
  const filter = filterFromQuery(location.query, viewer.country?.subregion ?? null);
  const filterKey = queryOfFilter(filter);
  const [feed, setFeed] = useState<FeedState>(EMPTY);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [olderError, setOlderError] = useState<ApiError | null>(null);
  const [liveError, setLiveError] = useState<ApiError | null>(null);

  useEffect(() => {
    let stopLive: (() => void) | null = null;
    let cancelled = false;
    setFeed(EMPTY);
    setLoading(true);
    setError(null);
    setLiveError(null);
    const variables = filterVariables(filter);
    request<{ feed: Connection<FeedEntry> }>(FEED, { ...variables, first: PAGE_SIZE }).then(
      ({ feed: page }) => {
        if (cancelled) return;
        const entries = page.edges.map((edge) => edge.node);
        setFeed({
          entries,
          arrived: new Set(),
          endCursor: page.pageInfo.endCursor,
          hasOlder: page.pageInfo.hasNextPage,
        });
        setLoading(false);
        stopLive = live.follow<{ feedUpdated: FeedEntry }>({
          query: FEED_UPDATED,
          variables,
          since: entries[0]?.cursor ?? null,
          cursorOf: (data) => data.feedUpdated.cursor,
          next: ({ feedUpdated: entry }) =>
            setFeed((current) =>
              current.entries.some((known) => known.cursor === entry.cursor)
                ? current
                : {
                    ...current,
                    entries: [entry, ...current.entries],
                    arrived: new Set([...current.arrived, entry.cursor]),
                  },
            ),
          failed: setLiveError,
        });
      },
      (caught: ApiError) => {
        if (cancelled) return;
        setError(caught);
        setLoading(false);
      },
    );
    return () => {
      cancelled = true;
      stopLive?.();
    };
    // The filter is the effect's input by its canonical text: a new object each render, the same text.
  }, [filterKey, request, live]);

  const loadOlder = async () => {
    setOlderError(null);
    try {
      const { feed: page } = await request<{ feed: Connection<FeedEntry> }>(FEED, {
        ...filterVariables(filter),
        first: PAGE_SIZE,
        after: feed.endCursor,
      });
      setFeed((current) => {
        const known = new Set(current.entries.map((entry) => entry.cursor));
        const older = page.edges.map((edge) => edge.node).filter((entry) => !known.has(entry.cursor));
        return {
          ...current,
          entries: [...current.entries, ...older],
          endCursor: page.pageInfo.endCursor,
          hasOlder: page.pageInfo.hasNextPage,
        };
      });
    } catch (caught) {
      setOlderError(caught as ApiError);
    }
  };

  return (
    <section aria-labelledby="feed-heading">
      <div class="page-heading">
        <h1 id="feed-heading">
          {filter.subregion === null ? t('feed.titleAll') : label('Subregion', filter.subregion)}
        </h1>
        <ConnectionStatus />
      </div>
      <FeedFilters filter={filter} onChange={(next) => location.route(`/?${queryOfFilter(next)}`, true)} />
      <ErrorMessage error={liveError} />
      {loading ? (
        <p role="status">{t('common.loading')}</p>
      ) : error !== null ? (
        <ErrorMessage error={error} />
      ) : (
        <>
          {feed.entries.length === 0 ? <p class="empty">{t('feed.empty')}</p> : null}
          <ol class="feed" aria-label={t('feed.entries')} aria-live="polite">
            {feed.entries.map((entry) => (
              <FeedEntryView key={entry.cursor} entry={entry} arrived={feed.arrived.has(entry.cursor)} />
            ))}
          </ol>
          {feed.hasOlder ? (
            <div class="more">
              <button type="button" onClick={() => void loadOlder()}>
                {t('feed.older')}
              </button>
              <ErrorMessage error={olderError} />
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
