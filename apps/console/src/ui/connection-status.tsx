import { useEffect, useState } from 'preact/hooks';
import { useTranslation } from '../i18n/i18n';
import { useSession } from '../session/session';

/** Whether live updates are flowing: connecting, live, or reconnecting after the connection dropped. */
export function ConnectionStatus() {
  const { live } = useSession();
  const { t } = useTranslation();
  const [state, setState] = useState(live.state);
  useEffect(() => {
    setState(live.state);
    return live.onStateChange(setState);
  }, [live]);
  return (
    <p class={`connection connection-${state}`} role="status" data-state={state}>
      <span class="connection-dot" aria-hidden="true" />
      {t(`connection.${state}`)}
    </p>
  );
}
