import { useRoute } from 'preact-iso';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { COUNTRY_PROFILE, UPDATE_COUNTRY_PROFILE } from '../api/documents';
import { PROGRESS_STATUSES, type ProgressStatus } from '../api/enums';
import type { ApiError } from '../api/graphql-client';
import type { CountryProfile, CountryProfileDetails } from '../api/types';
import { useCountries } from '../api/use-countries';
import { controlProps, FormField } from '../forms/form-field';
import { useTranslation } from '../i18n/i18n';
import { isFocalPointOf, isSecretariat, useSession } from '../session/session';
import { ErrorMessage } from '../ui/error-message';
import { ParticipantName } from '../ui/participant-name';
import { TimeStamp } from '../ui/time-stamp';
import { useAction } from '../ui/use-action';

type ProfileState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'failed'; readonly error: ApiError }
  | { readonly kind: 'loaded'; readonly country: CountryProfileDetails };

/** The API lists countries by subregion: the country's own is found first, then its profile with its history. */
function useCountryProfile(code: string): { state: ProfileState; reload: () => Promise<void> } {
  const { request } = useSession();
  const { countries, error } = useCountries();
  const [state, setState] = useState<ProfileState>({ kind: 'loading' });
  const subregion = countries?.find((country) => country.code === code)?.subregion ?? null;
  const known = countries !== null;
  const reload = useCallback(async () => {
    if (!known) return;
    if (subregion === null) {
      setState({ kind: 'missing' });
      return;
    }
    try {
      const { countries: inSubregion } = await request<{ countries: CountryProfileDetails[] }>(COUNTRY_PROFILE, {
        subregion,
      });
      const country = inSubregion.find((candidate) => candidate.code === code);
      setState(country === undefined ? { kind: 'missing' } : { kind: 'loaded', country });
    } catch (error) {
      setState({ kind: 'failed', error: error as ApiError });
    }
  }, [code, known, subregion, request]);
  useEffect(() => {
    setState({ kind: 'loading' });
    void reload();
  }, [reload]);
  return { state: error !== null ? { kind: 'failed', error } : state, reload };
}

const PROFILE_FIELDS = [
  'competentAuthorities',
  'focalPoint',
  'ianPointOfContact',
  'selfAssessment',
  'actionPlan',
] as const;

/** The fields an update changed, from what its event recorded. */
function changedFields(data: unknown): string[] {
  const changes = (data as { changes?: unknown } | null)?.changes;
  if (typeof changes !== 'object' || changes === null) return [];
  return PROFILE_FIELDS.filter((field) => field in changes);
}

const linesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

function ProfileForm({ code, profile, saved }: { code: string; profile: CountryProfile; saved: () => Promise<void> }) {
  const { t, label } = useTranslation();
  const { request } = useSession();
  // The version this form edits: the API refuses the update when someone else's came in between.
  const [version] = useState(profile.version);
  const [authorities, setAuthorities] = useState(profile.competentAuthorities.join('\n'));
  const [focalPoint, setFocalPoint] = useState(profile.focalPoint ?? '');
  const [ianPointOfContact, setIanPointOfContact] = useState(profile.ianPointOfContact ?? '');
  const [selfAssessment, setSelfAssessment] = useState<ProgressStatus>(profile.selfAssessment);
  const [actionPlan, setActionPlan] = useState<ProgressStatus>(profile.actionPlan);
  const { busy, error, run } = useAction();
  const submit = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      await request(UPDATE_COUNTRY_PROFILE, {
        input: {
          country: code,
          expectedVersion: version,
          competentAuthorities: linesOf(authorities),
          focalPoint: focalPoint.trim() === '' ? null : focalPoint,
          ianPointOfContact: ianPointOfContact.trim() === '' ? null : ianPointOfContact,
          selfAssessment,
          actionPlan,
        },
      });
      await saved();
    });
  };
  const progress = (
    id: string,
    field: 'selfAssessment' | 'actionPlan',
    value: ProgressStatus,
    set: (value: ProgressStatus) => void,
  ) => (
    <FormField id={id} label={t(`profile.${field}`)} field={field} error={error}>
      <select
        value={value}
        onChange={(event) => set(event.currentTarget.value as ProgressStatus)}
        {...controlProps(id, error, field)}
      >
        {PROGRESS_STATUSES.map((status) => (
          <option key={status} value={status}>
            {label('ProgressStatus', status)}
          </option>
        ))}
      </select>
    </FormField>
  );
  const conflict = error?.code === 'CONFLICT';
  return (
    <form class="stacked-form" onSubmit={submit} aria-labelledby="profile-form-heading">
      <h2 id="profile-form-heading">{t('profile.update')}</h2>
      <FormField
        id="profile-authorities"
        label={t('profile.competentAuthorities')}
        hint={t('profile.authoritiesHint')}
        field="competentAuthorities"
        error={error}
      >
        <textarea
          rows={4}
          value={authorities}
          onInput={(event) => setAuthorities(event.currentTarget.value)}
          {...controlProps('profile-authorities', error, 'competentAuthorities', true)}
        />
      </FormField>
      <FormField id="profile-focal-point" label={t('profile.focalPoint')} field="focalPoint" error={error}>
        <input
          type="text"
          value={focalPoint}
          onInput={(event) => setFocalPoint(event.currentTarget.value)}
          {...controlProps('profile-focal-point', error, 'focalPoint')}
        />
      </FormField>
      <FormField id="profile-ian" label={t('profile.ianPointOfContact')} field="ianPointOfContact" error={error}>
        <input
          type="text"
          value={ianPointOfContact}
          onInput={(event) => setIanPointOfContact(event.currentTarget.value)}
          {...controlProps('profile-ian', error, 'ianPointOfContact')}
        />
      </FormField>
      {progress('profile-self-assessment', 'selfAssessment', selfAssessment, setSelfAssessment)}
      {progress('profile-action-plan', 'actionPlan', actionPlan, setActionPlan)}
      <div class="actions">
        <button type="submit" disabled={busy}>
          {t('profile.save')}
        </button>
      </div>
      <div id="profile-form-error">
        <ErrorMessage error={error} />
        {conflict ? (
          <p class="error" role="alert">
            {t('profile.conflict', {
              expected: String(error.extensions['expectedVersion'] ?? version),
              actual: String(error.extensions['actualVersion'] ?? '?'),
            })}
          </p>
        ) : null}
      </div>
    </form>
  );
}

export function CountryProfilePage() {
  const code = (useRoute().params['code'] ?? '').toUpperCase();
  const { t, label, countryName } = useTranslation();
  const { viewer } = useSession();
  const { state, reload } = useCountryProfile(code);
  // A new form after each load, so it edits the version the page shows (after a conflict, the latest).
  const [formKey, setFormKey] = useState(0);
  const [saved, setSaved] = useState(false);
  const reloadForm = async (afterSave: boolean) => {
    await reload();
    setFormKey((key) => key + 1);
    setSaved(afterSave);
  };
  if (state.kind === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (state.kind === 'failed') return <ErrorMessage error={state.error} />;
  if (state.kind === 'missing') {
    return (
      <section>
        <h1>{t('profile.missing')}</h1>
        <p>
          <a href="/countries">{t('profile.allCountries')}</a>
        </p>
      </section>
    );
  }
  const { country } = state;
  const { profile } = country;
  const mayUpdate = isSecretariat(viewer) || isFocalPointOf(viewer, country.code);
  return (
    <article class="item" aria-labelledby="country-heading">
      <header class="item-header">
        <p class="hint">
          <a href="/countries">{t('profile.allCountries')}</a>
        </p>
        <h1 id="country-heading">{countryName(country.code)}</h1>
        <dl class="facts">
          <dt>{t('profile.subregion')}</dt>
          <dd>{label('Subregion', country.subregion)}</dd>
          <dt>{t('profile.party')}</dt>
          <dd>{country.party ? t('profile.partyYes') : t('profile.partyNo')}</dd>
          <dt>{t('profile.neighbours')}</dt>
          <dd>
            {country.neighbours.length === 0 ? (
              t('profile.noNeighbours')
            ) : (
              <ul class="inline-list">
                {country.neighbours.map((neighbour) => (
                  <li key={neighbour.code}>
                    <a href={`/countries/${neighbour.code}`}>{countryName(neighbour.code)}</a>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      </header>
      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t('profile.title')}</h2>
        <dl class="facts">
          <dt>{t('profile.competentAuthorities')}</dt>
          <dd>
            {profile.competentAuthorities.length === 0 ? (
              t('profile.none')
            ) : (
              <ul class="plain-list" translate={false}>
                {profile.competentAuthorities.map((authority) => (
                  <li key={authority}>{authority}</li>
                ))}
              </ul>
            )}
          </dd>
          <dt>{t('profile.focalPoint')}</dt>
          <dd translate={profile.focalPoint === null ? undefined : false}>{profile.focalPoint ?? t('profile.none')}</dd>
          <dt>{t('profile.ianPointOfContact')}</dt>
          <dd translate={profile.ianPointOfContact === null ? undefined : false}>
            {profile.ianPointOfContact ?? t('profile.none')}
          </dd>
          <dt>{t('profile.selfAssessment')}</dt>
          <dd>{label('ProgressStatus', profile.selfAssessment)}</dd>
          <dt>{t('profile.actionPlan')}</dt>
          <dd>{label('ProgressStatus', profile.actionPlan)}</dd>
          <dt>{t('profile.updated')}</dt>
          <dd>
            {profile.updatedAt ? <TimeStamp at={profile.updatedAt} /> : t('profile.never')}{' '}
            <span class="hint">{t('history.version', { version: profile.version })}</span>
          </dd>
        </dl>
      </section>
      {mayUpdate ? (
        <section aria-labelledby="profile-form-heading">
          <ProfileForm key={formKey} code={country.code} profile={profile} saved={() => reloadForm(true)} />
          <div class="actions">
            <button type="button" class="secondary" onClick={() => void reloadForm(false)}>
              {t('profile.reload')}
            </button>
          </div>
          {saved ? (
            <p class="result" role="status">
              {t('profile.saved')}
            </p>
          ) : null}
        </section>
      ) : null}
      <section class="history" aria-labelledby="history-heading">
        <h2 id="history-heading">{t('history.title')}</h2>
        {profile.history.length === 0 ? <p class="empty">{t('profile.noHistory')}</p> : null}
        <ol class="timeline">
          {profile.history.map((event) => (
            <li key={event.position}>
              <TimeStamp at={event.occurredAt} />
              <ParticipantName participant={event.actor} />
              <span>
                {changedFields(event.data)
                  .map((field) => t(`profile.${field}`))
                  .join(', ')}
              </span>
              <span class="hint">{t('history.version', { version: event.version })}</span>
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
