import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { REQUEST_CONSULTATION } from '../api/documents';
import { SUBREGIONS, type Subregion, type Topic } from '../api/enums';
import type { ApiError } from '../api/graphql-client';
import { useCountries } from '../api/use-countries';
import { type CountryGroup, CountriesField, TopicsField } from '../forms/choice-fields';
import { endOfLocalDay, localDay } from '../forms/days';
import { controlProps, FormField } from '../forms/form-field';
import { type LinkDraft, linkInputs, LinksEditor, NO_LINKS } from '../forms/links-editor';
import { useTranslation } from '../i18n/i18n';
import { isFocalPoint, useSession } from '../session/session';
import { ErrorMessage } from '../ui/error-message';
import { useAction } from '../ui/use-action';

/** The viewer's neighbours first (the usual case), then every other country by subregion. */
function useCountryGroups(own: string): { groups: readonly CountryGroup[] | null; error: ApiError | null } {
  const { t, label, countryName } = useTranslation();
  const { countries, error } = useCountries();
  if (countries === null) return { groups: null, error };
  const neighbours = countries.find((country) => country.code === own)?.neighbours.map(({ code }) => code) ?? [];
  const others = (subregion: Subregion) =>
    countries
      .filter(
        (country) => country.subregion === subregion && country.code !== own && !neighbours.includes(country.code),
      )
      .map(({ code }) => code);
  return {
    groups: [
      { label: t('consultation.neighboursOf', { country: countryName(own) }), codes: neighbours },
      ...SUBREGIONS.map((subregion) => ({ label: label('Subregion', subregion), codes: others(subregion) })),
    ],
    error: null,
  };
}

type AudienceChoice = 'CONCERNED' | 'NETWORK';

/** A focal point asks other countries for their position on a hazardous activity of its own country. */
export function RequestConsultationPage() {
  const { t } = useTranslation();
  const { viewer } = useSession();
  if (!isFocalPoint(viewer) || viewer.country === null) {
    return (
      <section aria-labelledby="request-heading">
        <h1 id="request-heading">{t('consultation.requestTitle')}</h1>
        <p>{t('consultation.focalPointsOnly')}</p>
      </section>
    );
  }
  return <RequestConsultationForm own={viewer.country.code} />;
}

function RequestConsultationForm({ own }: { own: string }) {
  const { t } = useTranslation();
  const { request } = useSession();
  const { route } = useLocation();
  const { groups, error: countriesError } = useCountryGroups(own);
  const [title, setTitle] = useState('');
  const [hazardousActivity, setHazardousActivity] = useState('');
  const [location, setLocation] = useState('');
  const [body, setBody] = useState('');
  const [topics, setTopics] = useState<Topic[]>(['TRANSBOUNDARY_CONSULTATION']);
  const [consulted, setConsulted] = useState<string[]>([]);
  const [respondBy, setRespondBy] = useState(localDay(30));
  const [audience, setAudience] = useState<AudienceChoice>('CONCERNED');
  const [links, setLinks] = useState<readonly LinkDraft[]>(NO_LINKS);
  const { busy, error, run } = useAction();

  const submit = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      const { requestConsultation } = await request<{ requestConsultation: { id: string } }>(REQUEST_CONSULTATION, {
        input: {
          title,
          hazardousActivity,
          location,
          body,
          topics,
          consultedCountries: consulted,
          respondBy: respondBy === '' ? '' : endOfLocalDay(respondBy),
          ...(audience === 'NETWORK' ? { audience: { scope: 'NETWORK' } } : {}),
          links: linkInputs(links),
        },
      });
      route(`/items/${encodeURIComponent(requestConsultation.id)}`);
    });
  };

  const text = (id: string, field: string, value: string, set: (value: string) => void, hint?: string) => (
    <FormField id={id} label={t(`consultation.form.${field}`)} field={field} error={error} hint={hint}>
      <input
        type="text"
        required
        value={value}
        onInput={(event) => set(event.currentTarget.value)}
        {...controlProps(id, error, field, hint !== undefined)}
      />
    </FormField>
  );

  return (
    <section aria-labelledby="request-heading">
      <h1 id="request-heading">{t('consultation.requestTitle')}</h1>
      <p>{t('consultation.requestExplained')}</p>
      <form class="stacked-form" onSubmit={submit}>
        {text('consultation-title', 'title', title, setTitle)}
        {text(
          'consultation-activity',
          'hazardousActivity',
          hazardousActivity,
          setHazardousActivity,
          t('consultation.form.hazardousActivityHint'),
        )}
        {text('consultation-location', 'location', location, setLocation, t('consultation.form.locationHint'))}
        <FormField id="consultation-body" label={t('consultation.form.body')} field="body" error={error}>
          <textarea
            rows={6}
            required
            value={body}
            onInput={(event) => setBody(event.currentTarget.value)}
            {...controlProps('consultation-body', error, 'body')}
          />
        </FormField>
        {groups === null ? (
          countriesError !== null ? (
            <ErrorMessage error={countriesError} />
          ) : (
            <p role="status">{t('common.loading')}</p>
          )
        ) : (
          <CountriesField
            id="consulted"
            legend={t('consultation.form.consultedCountries')}
            hint={t('consultation.form.consultedHint')}
            groups={groups}
            selected={consulted}
            onChange={setConsulted}
            field="consultedCountries"
            error={error}
          />
        )}
        <FormField
          id="consultation-respond-by"
          label={t('consultation.form.respondBy')}
          hint={t('consultation.form.respondByHint')}
          field="respondBy"
          error={error}
        >
          <input
            type="date"
            required
            min={localDay(1)}
            value={respondBy}
            onInput={(event) => setRespondBy(event.currentTarget.value)}
            {...controlProps('consultation-respond-by', error, 'respondBy', true)}
          />
        </FormField>
        <TopicsField id="consultation-topics" topics={topics} onChange={setTopics} error={error} />
        <fieldset class="field">
          <legend>{t('consultation.form.audience')}</legend>
          {(['CONCERNED', 'NETWORK'] as const).map((choice) => (
            <label key={choice} class="check check-line">
              <input
                type="radio"
                name="consultation-audience"
                value={choice}
                checked={audience === choice}
                onChange={() => setAudience(choice)}
              />
              {t(`consultation.form.audience${choice === 'CONCERNED' ? 'Concerned' : 'Network'}`)}
            </label>
          ))}
        </fieldset>
        <LinksEditor id="consultation" links={links} onChange={setLinks} error={error} />
        <div class="actions">
          <button type="submit" disabled={busy || consulted.length === 0}>
            {t('consultation.form.submit')}
          </button>
        </div>
        <ErrorMessage error={error} />
      </form>
    </section>
  );
}
