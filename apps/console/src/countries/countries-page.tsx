import { useEffect, useState } from 'preact/hooks';
import { COUNTRY_PROFILES } from '../api/documents';
import { SUBREGIONS } from '../api/enums';
import type { ApiError } from '../api/graphql-client';
import type { CountryWithProfile } from '../api/types';
import { useTranslation } from '../i18n/i18n';
import { useSession } from '../session/session';
import { ErrorMessage } from '../ui/error-message';
import { TimeStamp } from '../ui/time-stamp';

/** Every beneficiary country's institutional set-up at a glance, by subregion. */
export function CountriesPage() {
  const { t, label, countryName } = useTranslation();
  const { request } = useSession();
  const [countries, setCountries] = useState<readonly CountryWithProfile[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let cancelled = false;
    request<{ countries: CountryWithProfile[] }>(COUNTRY_PROFILES).then(
      ({ countries: listed }) => !cancelled && setCountries(listed),
      (caught: ApiError) => !cancelled && setError(caught),
    );
    return () => {
      cancelled = true;
    };
  }, [request]);
  return (
    <section aria-labelledby="countries-heading">
      <h1 id="countries-heading">{t('countries.title')}</h1>
      <p>{t('countries.explained')}</p>
      <ErrorMessage error={error} />
      {countries === null && error === null ? <p role="status">{t('common.loading')}</p> : null}
      {countries !== null
        ? SUBREGIONS.map((subregion) => (
            <div key={subregion} class="table-scroll">
              <table class="profiles">
                <caption>{label('Subregion', subregion)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('countries.country')}</th>
                    <th scope="col">{t('profile.selfAssessment')}</th>
                    <th scope="col">{t('profile.actionPlan')}</th>
                    <th scope="col">{t('profile.competentAuthorities')}</th>
                    <th scope="col">{t('profile.updated')}</th>
                  </tr>
                </thead>
                <tbody>
                  {countries
                    .filter((country) => country.subregion === subregion)
                    .map((country) => (
                      <tr key={country.code}>
                        <th scope="row">
                          <a href={`/countries/${country.code}`}>{countryName(country.code)}</a>
                        </th>
                        <td>{label('ProgressStatus', country.profile.selfAssessment)}</td>
                        <td>{label('ProgressStatus', country.profile.actionPlan)}</td>
                        <td>{country.profile.competentAuthorities.length}</td>
                        <td>
                          {country.profile.updatedAt ? (
                            <TimeStamp at={country.profile.updatedAt} dateOnly />
                          ) : (
                            t('profile.never')
                          )}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          ))
        : null}
    </section>
  );
}
