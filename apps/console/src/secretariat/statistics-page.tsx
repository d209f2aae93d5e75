import { useEffect, useState } from 'preact/hooks';
import { COOPERATION_STATS } from '../api/documents';
import type { ApiError } from '../api/graphql-client';
import type { CountryActivity } from '../api/types';
import { useTranslation } from '../i18n/i18n';
import { useSession } from '../session/session';
import { ErrorMessage } from '../ui/error-message';
import { countryBars } from './activity-groups';
import { CountryActivityFigures } from './country-activity-figures';
import { type Period, PeriodForm, periodVariables } from './period-form';

export function StatisticsPage() {
  const { t } = useTranslation();
  const { request } = useSession();
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
      <PeriodForm id="stats" initial={period} error={error} onSubmit={setPeriod} />
      <ErrorMessage error={error} />
      {stats === null && error === null ? <p role="status">{t('common.loading')}</p> : null}
      {stats !== null && bars.length === 0 ? <p class="empty">{t('statistics.empty')}</p> : null}
      {bars.length > 0 ? <CountryActivityFigures bars={bars} /> : null}
    </section>
  );
}
