import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/graphql-client';
import type { ParticipantRef } from '../api/types';
import { useTranslation } from '../i18n/i18n';
import { ErrorMessage } from '../ui/error-message';
import { useSessionControl } from './session';

interface DemoParticipant {
  readonly id: string;
  readonly name: string;
  readonly country: string | null;
  readonly roles: ParticipantRef['roles'];
}

/** The development sign-in of the service: absent (404) in production, where tokens come from the identity provider. */
type DemoList =
  | { readonly kind: 'loading' }
  | { readonly kind: 'absent' }
  | { readonly kind: 'failed'; readonly error: ApiError }
  | { readonly kind: 'listed'; readonly participants: readonly DemoParticipant[] };

async function fetchJson<T>(url: string, init?: RequestInit): Promise<T | null> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    throw new ApiError('NETWORK', error instanceof Error ? error.message : String(error));
  }
  if (response.status === 404) return null;
  if (!response.ok) throw new ApiError('UNKNOWN', `HTTP ${response.status}`);
  return (await response.json()) as T;
}

function DemoSignIn() {
  const { t, countryName, label } = useTranslation();
  const { signIn } = useSessionControl();
  const [list, setList] = useState<DemoList>({ kind: 'loading' });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    fetchJson<{ participants: DemoParticipant[] }>('/dev/participants').then(
      (body) => setList(body === null ? { kind: 'absent' } : { kind: 'listed', participants: body.participants }),
      (error: ApiError) => setList({ kind: 'failed', error }),
    );
  }, []);

  const signInAs = async (participant: DemoParticipant) => {
    setBusy(true);
    setError(null);
    try {
      const body = await fetchJson<{ token: string }>(`/dev/participants/${encodeURIComponent(participant.id)}/token`, {
        method: 'POST',
      });
      if (body === null) throw new ApiError('NOT_FOUND', participant.id);
      await signIn(body.token);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError('UNKNOWN', String(caught)));
      setBusy(false);
    }
  };

  if (list.kind === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (list.kind === 'absent') return <p>{t('signIn.identityProvider')}</p>;
  if (list.kind === 'failed') return <ErrorMessage error={list.error} />;
  return (
    <section aria-labelledby="demo-heading">
      <h2 id="demo-heading">{t('signIn.demoHeading')}</h2>
      <p>{t('signIn.demoExplained')}</p>
      <ul class="demo-participants">
        {list.participants.map((participant) => (
          <li key={participant.id}>
            <button type="button" disabled={busy} onClick={() => void signInAs(participant)}>
              <span translate={false}>{participant.name}</span>
              <span class="demo-role">
                {participant.country ? `${countryName(participant.country)} · ` : ''}
                {participant.roles.map((role) => label('Role', role)).join(', ')}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <ErrorMessage error={error} />
    </section>
  );
}

export function SignInPage({ error }: { error: ApiError | null }) {
  const { t } = useTranslation();
  const { signIn } = useSessionControl();
  const [token, setToken] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      await signIn(token.trim().replace(/^Bearer\s+/i, ''));
    } catch (caught) {
      setFailure(caught instanceof ApiError ? caught : new ApiError('UNKNOWN', String(caught)));
      setBusy(false);
    }
  };

  return (
    <div class="sign-in">
      <h1>{t('signIn.title')}</h1>
      {error !== null ? <ErrorMessage error={error} /> : null}
      <form onSubmit={(event) => void submit(event)} aria-labelledby="token-heading">
        <h2 id="token-heading">{t('signIn.tokenHeading')}</h2>
        <label for="token">{t('signIn.tokenLabel')}</label>
        <textarea
          id="token"
          rows={4}
          required
          spellcheck={false}
          autocomplete="off"
          value={token}
          aria-describedby={failure ? 'token-error' : 'token-hint'}
          onInput={(event) => setToken(event.currentTarget.value)}
        />
        <p id="token-hint" class="hint">
          {t('signIn.tokenHint')}
        </p>
        <button type="submit" disabled={busy || token.trim() === ''}>
          {t('signIn.submit')}
        </button>
        <ErrorMessage error={failure} id="token-error" />
      </form>
      <DemoSignIn />
    </div>
  );
}
