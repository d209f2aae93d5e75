import type { ApiError } from '../api/graphql-client';
import { useTranslation } from '../i18n/i18n';

/**
 * An error of the API in words, placed next to what caused it. The service's
 * own message follows in English (its language) as the detail.
 */
export function ErrorMessage({ error, id }: { error: ApiError | null; id?: string }) {
  const { t } = useTranslation();
  if (error === null) return null;
  return (
    <div class="error" role="alert" id={id}>
      <p>{t(`errors.${error.code}`)}</p>
      {error.detail && error.code !== 'BAD_USER_INPUT' ? (
        <p class="error-detail" lang="en" translate={false}>
          {error.detail}
        </p>
      ) : null}
    </div>
  );
}

/** The API's messages about one input, under that input. */
export function FieldError({ error, field, id }: { error: ApiError | null; field: string; id: string }) {
  const messages = error?.fieldMessages(field) ?? [];
  if (messages.length === 0) return null;
  return (
    <ul class="field-error" id={id} lang="en" translate={false}>
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}
