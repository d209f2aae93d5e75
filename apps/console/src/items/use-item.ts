import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ITEM, ITEM_UPDATED } from '../api/documents';
import type { ApiError } from '../api/graphql-client';
import type { Item } from '../api/types';
import { useSession } from '../session/session';

export type ItemState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'failed'; readonly error: ApiError }
  | { readonly kind: 'loaded'; readonly item: Item };

/**
 * The item as the viewer may see it, read again whenever `itemUpdated` tells
 * of a new activity on it, so the page always shows what the API has.
 */
export function useItem(id: string): { state: ItemState; reload: () => Promise<void>; liveError: ApiError | null } {
  const { request, live } = useSession();
  const [state, setState] = useState<ItemState>({ kind: 'loading' });
  const [liveError, setLiveError] = useState<ApiError | null>(null);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const attempt = ++latest.current;
    try {
      const { item } = await request<{ item: Item | null }>(ITEM, { id });
      // An older read that answers after a newer one must not overwrite it.
      if (attempt !== latest.current) return;
      setState(item === null ? { kind: 'missing' } : { kind: 'loaded', item });
    } catch (error) {
      if (attempt !== latest.current) return;
      setState({ kind: 'failed', error: error as ApiError });
    }
  }, [id, request]);

  useEffect(() => {
    setState({ kind: 'loading' });
    setLiveError(null);
    const stop = live.follow<{ itemUpdated: { cursor: string } }>({
      query: ITEM_UPDATED,
      variables: { id },
      since: null,
      cursorOf: (data) => data.itemUpdated.cursor,
      next: () => void reload(),
      // Without a cursor to resume from, whatever happened meanwhile is only in a fresh read.
      subscribedWithoutCursor: () => void reload(),
      failed: setLiveError,
    });
    return stop;
  }, [id, live, reload]);

  return { state, reload, liveError };
}
