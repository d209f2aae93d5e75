import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useTranslation } from '../i18n/i18n';
import { ErrorMessage, FieldError } from './error-message';
import { useAction } from './use-action';

interface TextFormProps {
  /** Unique on the page: names the form's controls. */
  readonly id: string;
  readonly label: string;
  readonly submitLabel: string;
  /** The API's name of the text input, to show its field errors under it. */
  readonly field: string;
  readonly initial?: string;
  readonly required?: boolean;
  readonly multiline?: boolean;
  readonly onSubmit: (text: string) => Promise<unknown>;
  readonly onCancel?: () => void;
  /** More controls under the text, which may change it (mentions). */
  readonly extra?: (text: string, setText: (text: string) => void) => ComponentChildren;
}

/** One text and a button: a comment, a reply, an answer, a reason, a note. Its error shows under it. */
export function TextForm(props: TextFormProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(props.initial ?? '');
  const { busy, error, run } = useAction();
  const inputId = `${props.id}-text`;
  const fieldErrorId = `${props.id}-field-error`;
  const errorId = `${props.id}-error`;
  const required = props.required ?? true;
  const submit = async (event: Event) => {
    event.preventDefault();
    if (await run(() => props.onSubmit(text))) setText('');
  };
  const common = {
    id: inputId,
    value: text,
    required,
    'aria-invalid': error?.fieldMessages(props.field).length ? true : undefined,
    'aria-describedby': error ? `${fieldErrorId} ${errorId}` : undefined,
  };
  return (
    <form class="text-form" onSubmit={(event) => void submit(event)}>
      <label for={inputId}>{props.label}</label>
      {props.multiline === false ? (
        <input type="text" {...common} onInput={(event) => setText(event.currentTarget.value)} />
      ) : (
        <textarea rows={3} {...common} onInput={(event) => setText(event.currentTarget.value)} />
      )}
      <FieldError error={error} field={props.field} id={fieldErrorId} />
      {props.extra?.(text, setText)}
      <div class="actions">
        <button type="submit" disabled={busy || (required && text.trim() === '')}>
          {props.submitLabel}
        </button>
        {props.onCancel ? (
          <button type="button" class="secondary" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
      <ErrorMessage error={error} id={errorId} />
    </form>
  );
}
