import { useEffect, useState } from 'preact/hooks';
import { COOPERATION_STATS } from '../api/documents';
import type { ApiError } from '../api/graphql-client';
import type { CountryActivity } from '../api/types';
import { useTranslation } from '../i18n/i18n';
import { useSession } from '../session/session';
import { ErrorMessage, FieldError } from '../ui/error-message';
import { ActivityBarChart } from './activity-bar-chart';
import { ACTIVITY_GROUPS, countryBars } from './activity-groups';

interface Period {
  /** yyyy-mm-dd, or empty for an open end. */
  readonly from: string;
  readonly to: string;
}

/** The period's days in UTC, the last day included. */
function periodVariables(period: Period): Record<string, string | null> {
  const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString();
  return {
    from: period.from ? `${period.from}T00:00:00.000Z` : null,
    to: period.to ? dayAfter(period.to) : null,
  };
}

export function StatisticsPage() {
  const { t, countryName, number } = useTranslation();
  const { request } = useSession();
  const [form, setForm] = useState<Period>({ from: '', to: '' });
  const [period, setPeriod] = useState<Period>({ from: '', to: '' });
  const [stats, setStats] = useState<readonly CountryActivity[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let cancelled = false;
    setError(null);
    request<{ cooperationStats: CountryActivity[] }>(COOPERATION_STATS, periodVariables(period)).then(
      ({ cooperationStats }) => {
        if (!cancelled) setStats(cooperationStats);
      },
      (caught: ApiError) => {
        if (cancelled) return;
        setStats(null);
        setError(caught);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [period, request]);

  const bars = stats === null ? [] : countryBars(stats);
  return (
    <section aria-labelledby="statistics-heading">
      <h1 id="statistics-heading">{t('statistics.title')}</h1>
      <form
        class="filters"
        aria-label={t('statistics.period')}
        onSubmit={(event) => {
          event.preventDefault();
          setPeriod(form);
        }}
      >
        <div class="field">
          <label for="stats-from">{t('statistics.from')}</label>
          <input
            id="stats-from"
            type="date"
            value={form.from}
            onInput={(event) => setForm({ ...form, from: event.currentTarget.value })}
          />
          <FieldError error={error} field="from" id="stats-from-error" />
        </div>
        <div class="field">
          <label for="stats-to">{t('statistics.to')}</label>
          <input
            id="stats-to"
            type="date"
            value={form.to}
            onInput={(event) => setForm({ ...form, to: event.currentTarget.value })}
          />
          <FieldError error={error} field="to" id="stats-to-error" />
        </div>
        <div class="actions">
          <button type="submit">{t('statistics.show')}</button>
        </div>
      </form>
      <ErrorMessage error={error} />
      {stats === null && error === null ? <p role="status">{t('common.loading')}</p> : null}
      {stats !== null && bars.length === 0 ? <p class="empty">{t('statistics.empty')}</p> : null}
      {bars.length > 0 ? (
        <>
          <ActivityBarChart bars={bars} />
          <div class="table-scroll">
            <table class="statistics">
              <caption>{t('statistics.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('statistics.country')}</th>
                  {ACTIVITY_GROUPS.map((group) => (
                    <th key={group} scope="col">
                      {t(`statistics.group.${group}`)}
                    </th>
                  ))}
                  <th scope="col">{t('statistics.total')}</th>
                </tr>
              </thead>
              <tbody>
                {bars.map((bar) => (
                  <tr key={bar.code}>
                    <th scope="row">{countryName(bar.code)}</th>
                    {ACTIVITY_GROUPS.map((group) => (
                      <td key={group}>{number(bar.groups[group])}</td>
                    ))}
                    <td>{number(bar.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
