import { useState } from 'preact/hooks';
import type { ApiError } from '../api/graphql-client';
import { dayStart } from '../forms/days';
import { useTranslation } from '../i18n/i18n';
import { FieldError } from '../ui/error-message';

/** A period of whole days, as the secretariat chooses it. */
export interface Period {
  /** yyyy-mm-dd, or empty for an open end. */
  readonly from: string;
  readonly to: string;
}

/** The period's days in UTC, the last day included: `to` is the first instant after it. */
export function periodVariables(period: Period): Record<string, string | null> {
  const dayAfter = (day: string) => new Date(Date.parse(dayStart(day)) + 86_400_000).toISOString();
  return {
    from: period.from ? dayStart(period.from) : null,
    to: period.to ? dayAfter(period.to) : null,
  };
}

/** The first and last day of a period; the API's words about either under it. */
export function PeriodForm({
  id,
  initial,
  required = false,
  error,
  onSubmit,
}: {
  id: string;
  initial: Period;
  required?: boolean;
  error: ApiError | null;
  onSubmit: (period: Period) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<Period>(initial);
  const day = (end: keyof Period) => (
    <div class="field">
      <label for={`${id}-${end}`}>{t(`statistics.${end}`)}</label>
      <input
        id={`${id}-${end}`}
        type="date"
        required={required}
        value={form[end]}
        onInput={(event) => setForm({ ...form, [end]: event.currentTarget.value })}
      />
      <FieldError error={error} field={end} id={`${id}-${end}-error`} />
    </div>
  );
  return (
    <form
      class="filters"
      aria-label={t('statistics.period')}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(form);
      }}
    >
      {day('from')}
      {day('to')}
      <div class="actions">
        <button type="submit">{t('statistics.show')}</button>
      </div>
    </form>
  );
}
