import { useTranslation } from '../i18n/i18n';
import { ActivityBarChart } from './activity-bar-chart';
import { ACTIVITY_GROUPS, type CountryBar } from './activity-groups';

/** Activity per country as a bar chart and, with the same figures, a table. */
export function CountryActivityFigures({ bars }: { bars: readonly CountryBar[] }) {
  const { t, countryName, number } = useTranslation();
  return (
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
  );
}
