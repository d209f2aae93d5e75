import { useEffect, useState } from 'preact/hooks';
import { COOPERATION_REPORT } from '../api/documents';
import type { ApiError } from '../api/graphql-client';
import type { CooperationReport, CountryRef, ProjectSummary } from '../api/types';
import { useCountries } from '../api/use-countries';
import { useTranslation } from '../i18n/i18n';
import { useSession } from '../session/session';
import { ErrorMessage } from '../ui/error-message';
import { countryBars } from './activity-groups';
import { CountryActivityFigures } from './country-activity-figures';
import { CountryLinksGraph } from './country-links-graph';
import { type Period, PeriodForm, periodVariables } from './period-form';

/** The Programme reports by biennium; the first of the re-launched Programme is the default. */
const BIENNIUM: Period = { from: '2017-01-01', to: '2018-12-31' };

function CountryList({ countries }: { countries: readonly CountryRef[] }) {
  const { t, countryName } = useTranslation();
  if (countries.length === 0) return <>{t('report.noCountry')}</>;
  return <>{countries.map(({ code }) => countryName(code)).join(', ')}</>;
}

function ProjectList({ projects }: { projects: readonly ProjectSummary[] }) {
  const { t, countryName } = useTranslation();
  if (projects.length === 0) return <p class="empty">{t('report.noProject')}</p>;
  return (
    <ul class="plain-list">
      {projects.map((project) => (
        <li key={project.id}>
          <a href={`/items/${encodeURIComponent(project.id)}`} translate={false}>
            {project.title}
          </a>{' '}
          <span class="hint">{countryName(project.leadCountry.code)}</span>
        </li>
      ))}
    </ul>
  );
}

function ReportBody({ report }: { report: CooperationReport }) {
  const { t, label, countryName, number } = useTranslation();
  const { countries } = useCountries();
  const bars = countryBars(report.byCountry);
  return (
    <>
      <section aria-labelledby="report-activity-heading">
        <h2 id="report-activity-heading">{t('report.activity')}</h2>
        {bars.length === 0 ? <p class="empty">{t('statistics.empty')}</p> : <CountryActivityFigures bars={bars} />}
        <div class="report-tables">
          <div class="table-scroll">
            <table class="report-subregions">
              <caption>{t('report.bySubregion')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('report.subregion')}</th>
                  <th scope="col">{t('statistics.total')}</th>
                </tr>
              </thead>
              <tbody>
                {report.bySubregion.map((row) => (
                  <tr key={row.subregion}>
                    <th scope="row">{label('Subregion', row.subregion)}</th>
                    <td>{number(row.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div class="table-scroll">
            <table class="report-topics">
              <caption>{t('report.byTopic')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('report.topic')}</th>
                  <th scope="col">{t('statistics.total')}</th>
                </tr>
              </thead>
              <tbody>
                {report.byTopic
                  .filter((row) => row.total > 0)
                  .map((row) => (
                    <tr key={row.topic}>
                      <th scope="row">{label('Topic', row.topic)}</th>
                      <td>{number(row.total)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </div>
      </section>
      <section aria-labelledby="report-links-heading">
        <h2 id="report-links-heading">{t('report.links')}</h2>
        <p>{t('report.linksExplained')}</p>
        {countries !== null ? <CountryLinksGraph countries={countries} links={report.countryLinks} /> : null}
        {report.countryLinks.length === 0 ? (
          <p class="empty">{t('report.noLinks')}</p>
        ) : (
          <div class="table-scroll">
            <table class="report-links">
              <caption>{t('report.linksCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('report.countries')}</th>
                  <th scope="col">{t('report.answers')}</th>
                  <th scope="col">{t('report.adoptions')}</th>
                  <th scope="col">{t('report.projects')}</th>
                  <th scope="col">{t('report.consultations')}</th>
                  <th scope="col">{t('statistics.total')}</th>
                </tr>
              </thead>
              <tbody>
                {report.countryLinks.map((link) => (
                  <tr key={link.countries.map(({ code }) => code).join('-')}>
                    <th scope="row">
                      {/* Each name its own text, as the names are in the catalogues. */}
                      {link.countries.map(({ code }, index) => (
                        <span key={code}>
                          {index > 0 ? ' – ' : ''}
                          {countryName(code)}
                        </span>
                      ))}
                    </th>
                    <td>{number(link.answers)}</td>
                    <td>{number(link.adoptions)}</td>
                    <td>{number(link.projects)}</td>
                    <td>{number(link.consultations)}</td>
                    <td>{number(link.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="report-outcomes-heading">
        <h2 id="report-outcomes-heading">{t('report.outcomes')}</h2>
        <dl class="facts">
          <dt>{t('report.withCompetentAuthorities')}</dt>
          <dd>
            <CountryList countries={report.profiles.countriesWithCompetentAuthorities} />
          </dd>
          <dt>{t('report.withIanPointOfContact')}</dt>
          <dd>
            <CountryList countries={report.profiles.countriesWithIanPointOfContact} />
          </dd>
          <dt>{t('report.selfAssessmentsCompleted')}</dt>
          <dd>
            <CountryList countries={report.profiles.selfAssessmentsCompleted} />
          </dd>
          <dt>{t('report.actionPlansCompleted')}</dt>
          <dd>
            <CountryList countries={report.profiles.actionPlansCompleted} />
          </dd>
        </dl>
        <h3>{t('report.endorsedProjects')}</h3>
        <ProjectList projects={report.endorsedProjects} />
        <h3>{t('report.completedProjects')}</h3>
        <ProjectList projects={report.completedProjects} />
      </section>
    </>
  );
}

/** What the secretariat reports to the Conference of the Parties for a period, as tables and pictures. */
export function ReportPage() {
  const { t } = useTranslation();
  const { request } = useSession();
  const [period, setPeriod] = useState<Period>(BIENNIUM);
  const [report, setReport] = useState<CooperationReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let cancelled = false;
    setError(null);
    setReport(null);
    request<{ cooperationReport: CooperationReport }>(COOPERATION_REPORT, periodVariables(period)).then(
      ({ cooperationReport }) => !cancelled && setReport(cooperationReport),
      (caught: ApiError) => !cancelled && setError(caught),
    );
    return () => {
      cancelled = true;
    };
  }, [period, request]);
  return (
    <section aria-labelledby="report-heading">
      <h1 id="report-heading">{t('report.title')}</h1>
      <PeriodForm id="report" initial={period} required error={error} onSubmit={setPeriod} />
      <ErrorMessage error={error} />
      {report === null && error === null ? <p role="status">{t('common.loading')}</p> : null}
      {report !== null ? <ReportBody report={report} /> : null}
    </section>
  );
}
