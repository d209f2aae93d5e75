import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { SEARCH } from '../api/documents';
import type { ApiError } from '../api/graphql-client';
import type { Connection, ItemSummary } from '../api/types';
import { type FeedFilter, FeedFilters, filterFromQuery, filterVariables, queryOfFilter } from '../feed/feed-filters';
import { controlProps } from '../forms/form-field';
import { useTranslation } from '../i18n/i18n';
import { useSession } from '../session/session';
import { ErrorMessage, FieldError } from '../ui/error-message';
import { ItemLabels } from '../ui/item-labels';

const PAGE_SIZE = 20;

interface Results {
  readonly items: readonly ItemSummary[];
  readonly endCursor: string | null;
  readonly hasMore: boolean;
}

/** Full-text search over what the viewer may see; the text lives in the address, so a search can be shared. */
export function SearchPage() {
  const { t } = useTranslation();
  const { request } = useSession();
  const location = useLocation();
  const text = location.query['text'] ?? '';
  const filter = filterFromQuery(location.query, null);
  const filterKey = queryOfFilter(filter);
  const variables = { text, ...filterVariables(filter) };
  const route = (nextText: string, nextFilter: FeedFilter) =>
    location.route(`/search?${new URLSearchParams({ text: nextText }).toString()}&${queryOfFilter(nextFilter)}`);
  const [draft, setDraft] = useState(text);
  const [results, setResults] = useState<Results | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [moreError, setMoreError] = useState<ApiError | null>(null);

  useEffect(() => {
    setDraft(text);
    setResults(null);
    setError(null);
    if (text.trim() === '') return;
    let cancelled = false;
    request<{ search: Connection<ItemSummary> }>(SEARCH, { ...variables, first: PAGE_SIZE }).then(
      ({ search }) =>
        !cancelled &&
        setResults({
          items: search.edges.map((edge) => edge.node),
          endCursor: search.pageInfo.endCursor,
          hasMore: search.pageInfo.hasNextPage,
        }),
      (caught: ApiError) => !cancelled && setError(caught),
    );
    return () => {
      cancelled = true;
    };
    // The filter is the effect's input by its canonical text: a new object each render, the same text.
  }, [text, filterKey, request]);

  const more = async () => {
    if (results === null) return;
    setMoreError(null);
    try {
      const { search } = await request<{ search: Connection<ItemSummary> }>(SEARCH, {
        ...variables,
        first: PAGE_SIZE,
        after: results.endCursor,
      });
      setResults({
        items: [...results.items, ...search.edges.map((edge) => edge.node)],
        endCursor: search.pageInfo.endCursor,
        hasMore: search.pageInfo.hasNextPage,
      });
    } catch (caught) {
      setMoreError(caught as ApiError);
    }
  };

  return (
    <section aria-labelledby="search-heading">
      <h1 id="search-heading">{t('search.title')}</h1>
      <form
        class="filters"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          route(draft.trim(), filter);
        }}
      >
        <div class="field">
          <label for="search-text">{t('search.text')}</label>
          <input
            type="search"
            value={draft}
            onInput={(event) => setDraft(event.currentTarget.value)}
            {...controlProps('search-text', error, 'text')}
          />
          <FieldError error={error} field="text" id="search-text-error" />
        </div>
        <div class="actions">
          <button type="submit" disabled={draft.trim() === ''}>
            {t('search.submit')}
          </button>
        </div>
      </form>
      <FeedFilters filter={filter} name={t('search.filters')} onChange={(next) => route(text, next)} />
      <ErrorMessage error={error} />
      {text.trim() !== '' && results === null && error === null ? <p role="status">{t('common.loading')}</p> : null}
      {results !== null ? (
        <>
          <p class="hint" role="status">
            {results.items.length === 0 ? t('search.none') : t('search.found', { count: results.items.length })}
          </p>
          <ol class="feed" aria-label={t('search.results')}>
            {results.items.map((item) => (
              <li key={item.id} class="entry">
                <h2 class="entry-title">
                  <a href={`/items/${encodeURIComponent(item.id)}`} translate={false}>
                    {item.title}
                  </a>
                </h2>
                <ItemLabels item={item} />
              </li>
            ))}
          </ol>
          {results.hasMore ? (
            <div class="more">
              <button type="button" onClick={() => void more()}>
                {t('search.more')}
              </button>
              <ErrorMessage error={moreError} />
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
