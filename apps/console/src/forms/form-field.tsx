import type { ComponentChildren } from 'preact';
import type { ApiError } from '../api/graphql-client';
import { FieldError } from '../ui/error-message';

/** What ties a control to its hint and to the API's messages about it. */
export function controlProps(id: string, error: ApiError | null, field: string, hint = false) {
  const invalid = (error?.fieldMessages(field).length ?? 0) > 0;
  const described = [hint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter((part) => part !== '').join(' ');
  return {
    id,
    'aria-invalid': invalid ? true : undefined,
    'aria-describedby': described === '' ? undefined : described,
  } as const;
}

interface FormFieldProps {
  /** The control's id; its hint and errors are `<id>-hint` and `<id>-error`. */
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  /** The API's name of the input, to show what it says about it under the control. */
  readonly field: string;
  readonly error: ApiError | null;
  readonly children: ComponentChildren;
}

/** A labelled control with its hint and the API's messages about it underneath. */
export function FormField({ id, label, hint, field, error, children }: FormFieldProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError error={error} field={field} id={`${id}-error`} />
    </div>
  );
}
