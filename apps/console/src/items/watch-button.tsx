import { WATCH_ITEM } from '../api/documents';
import type { Item } from '../api/types';
import { useTranslation } from '../i18n/i18n';
import { useSession } from '../session/session';
import { ErrorMessage } from '../ui/error-message';
import { useAction } from '../ui/use-action';

/** Starts or stops the viewer's notifications of every activity on the item. */
export function WatchButton({ item, changed }: { item: Item; changed: () => Promise<void> }) {
  const { t } = useTranslation();
  const { request } = useSession();
  const { busy, error, run } = useAction();
  return (
    <div class="watch">
      <button
        type="button"
        class="secondary"
        aria-pressed={item.watching}
        aria-describedby="watch-hint"
        disabled={busy}
        onClick={() =>
          void run(async () => {
            await request(WATCH_ITEM, { id: item.id, watching: !item.watching });
            await changed();
          })
        }
      >
        {t('watch.button')}
      </button>
      <span id="watch-hint" class="hint">
        {item.watching ? t('watch.watching') : t('watch.notWatching')}
      </span>
      <ErrorMessage error={error} />
    </div>
  );
}
