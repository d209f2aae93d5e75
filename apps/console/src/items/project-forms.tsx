import { useState } from 'preact/hooks';
import {
  COMPLETE_PROJECT,
  INVITE_PARTNER,
  RECORD_PROJECT_ACTIVITY,
  REVISE_PROPOSAL,
  START_IMPLEMENTATION,
} from '../api/documents';
import { PROJECT_ACTIVITY_KINDS, type ProjectActivityKind, type Topic } from '../api/enums';
import type { Proposal } from '../api/types';
import { useCountries } from '../api/use-countries';
import { CountriesField, TopicsField } from '../forms/choice-fields';
import { dayStart, localDay } from '../forms/days';
import { controlProps, FormField } from '../forms/form-field';
import { draftsOf, type LinkDraft, linkInputs, LinksEditor, NO_LINKS } from '../forms/links-editor';
import { useTranslation } from '../i18n/i18n';
import { useSession } from '../session/session';
import { ErrorMessage } from '../ui/error-message';
import { useAction } from '../ui/use-action';

type Changed = () => Promise<void>;

interface FormProps {
  readonly proposal: Proposal;
  readonly changed: Changed;
  readonly close: () => void;
}

function FormActions({
  busy,
  submitLabel,
  close,
  disabled = false,
}: {
  busy: boolean;
  submitLabel: string;
  close: () => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div class="actions">
      <button type="submit" disabled={busy || disabled}>
        {submitLabel}
      </button>
      <button type="button" class="secondary" onClick={close}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

/** The lead's changes to a draft or a proposal sent back for changes, against the version it opened. */
export function ReviseProposalForm({ proposal, changed, close }: FormProps) {
  const { t } = useTranslation();
  const { request } = useSession();
  const [version] = useState(proposal.version);
  const [title, setTitle] = useState(proposal.title);
  const [objectives, setObjectives] = useState(proposal.objectives);
  const [topics, setTopics] = useState<Topic[]>([...proposal.topics]);
  const [durationMonths, setDurationMonths] = useState(String(proposal.durationMonths));
  const [links, setLinks] = useState<readonly LinkDraft[]>(draftsOf(proposal.links));
  const { busy, error, run } = useAction();
  const submit = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      await request(REVISE_PROPOSAL, {
        input: {
          id: proposal.id,
          expectedVersion: version,
          title,
          objectives,
          topics,
          durationMonths: Number(durationMonths),
          links: linkInputs(links),
        },
      });
      close();
      await changed();
    });
  };
  return (
    <form class="stacked-form" onSubmit={submit} aria-label={t('project.revise')}>
      <FormField id="revise-title" label={t('forms.title')} field="title" error={error}>
        <input
          type="text"
          required
          value={title}
          onInput={(event) => setTitle(event.currentTarget.value)}
          {...controlProps('revise-title', error, 'title')}
        />
      </FormField>
      <FormField id="revise-objectives" label={t('proposal.objectives')} field="objectives" error={error}>
        <textarea
          rows={5}
          required
          value={objectives}
          onInput={(event) => setObjectives(event.currentTarget.value)}
          {...controlProps('revise-objectives', error, 'objectives')}
        />
      </FormField>
      <FormField id="revise-duration" label={t('project.durationMonths')} field="durationMonths" error={error}>
        <input
          type="number"
          min={1}
          max={60}
          required
          value={durationMonths}
          onInput={(event) => setDurationMonths(event.currentTarget.value)}
          {...controlProps('revise-duration', error, 'durationMonths')}
        />
      </FormField>
      <TopicsField id="revise-topics" topics={topics} onChange={setTopics} error={error} />
      <LinksEditor id="revise" links={links} onChange={setLinks} error={error} />
      <FormActions busy={busy} submitLabel={t('project.saveRevision')} close={close} />
      <ErrorMessage error={error} />
    </form>
  );
}

/** Another beneficiary country asked to join, while the proposal is the lead's to change. */
export function InvitePartnerForm({ proposal, changed, close }: FormProps) {
  const { t, countryName } = useTranslation();
  const { request } = useSession();
  const { countries, error: countriesError } = useCountries();
  const invited = new Set([proposal.leadCountry.code, ...proposal.partners.map((partner) => partner.country.code)]);
  const candidates = (countries ?? []).map(({ code }) => code).filter((code) => !invited.has(code));
  const [country, setCountry] = useState('');
  const { busy, error, run } = useAction();
  const chosen = country !== '' ? country : (candidates[0] ?? '');
  const submit = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      await request(INVITE_PARTNER, { proposalId: proposal.id, country: chosen });
      close();
      await changed();
    });
  };
  if (countriesError !== null) return <ErrorMessage error={countriesError} />;
  return (
    <form class="stacked-form" onSubmit={submit} aria-label={t('project.invite')}>
      <FormField id="invite-country" label={t('project.inviteCountry')} field="country" error={error}>
        <select
          value={chosen}
          onChange={(event) => setCountry(event.currentTarget.value)}
          {...controlProps('invite-country', error, 'country')}
        >
          {candidates.map((code) => (
            <option key={code} value={code}>
              {countryName(code)}
            </option>
          ))}
        </select>
      </FormField>
      <FormActions busy={busy} submitLabel={t('project.sendInvitation')} close={close} disabled={chosen === ''} />
      <ErrorMessage error={error} />
    </form>
  );
}

/** An endorsed proposal becomes a project: who funds it and from which day. */
export function StartImplementationForm({ proposal, changed, close }: FormProps) {
  const { t } = useTranslation();
  const { request } = useSession();
  const [donor, setDonor] = useState('');
  const [startedOn, setStartedOn] = useState(localDay());
  const { busy, error, run } = useAction();
  const submit = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      await request(START_IMPLEMENTATION, {
        id: proposal.id,
        startedOn: dayStart(startedOn),
        donor: donor.trim() === '' ? null : donor,
      });
      close();
      await changed();
    });
  };
  return (
    <form class="stacked-form" onSubmit={submit} aria-label={t('project.start')}>
      <FormField id="start-donor" label={t('project.donor')} hint={t('project.donorHint')} field="donor" error={error}>
        <input
          type="text"
          value={donor}
          onInput={(event) => setDonor(event.currentTarget.value)}
          {...controlProps('start-donor', error, 'donor', true)}
        />
      </FormField>
      <FormField id="start-date" label={t('project.startedOn')} field="startedOn" error={error}>
        <input
          type="date"
          required
          value={startedOn}
          onInput={(event) => setStartedOn(event.currentTarget.value)}
          {...controlProps('start-date', error, 'startedOn')}
        />
      </FormField>
      <FormActions busy={busy} submitLabel={t('project.confirmStart')} close={close} />
      <ErrorMessage error={error} />
    </form>
  );
}

/** Something the project did, on the days it happened (which may lie in the past). */
export function RecordActivityForm({ proposal, changed, close }: FormProps) {
  const { t, label } = useTranslation();
  const { request } = useSession();
  const involved = [
    proposal.leadCountry.code,
    ...proposal.partners.filter((partner) => partner.status === 'JOINED').map((partner) => partner.country.code),
  ];
  const [kind, setKind] = useState<ProjectActivityKind>('SUBREGIONAL_WORKSHOP');
  const [title, setTitle] = useState('');
  const [startsOn, setStartsOn] = useState(localDay());
  const [endsOn, setEndsOn] = useState('');
  const [venue, setVenue] = useState('');
  const [countries, setCountries] = useState<string[]>(involved);
  const [outcome, setOutcome] = useState('');
  const [links, setLinks] = useState<readonly LinkDraft[]>(NO_LINKS);
  const { busy, error, run } = useAction();
  const submit = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      await request(RECORD_PROJECT_ACTIVITY, {
        input: {
          proposalId: proposal.id,
          kind,
          title,
          startsOn: dayStart(startsOn),
          endsOn: endsOn === '' ? null : dayStart(endsOn),
          venue: venue.trim() === '' ? null : venue,
          countries,
          outcome: outcome.trim() === '' ? null : outcome,
          links: linkInputs(links),
        },
      });
      close();
      await changed();
    });
  };
  return (
    <form class="stacked-form" onSubmit={submit} aria-label={t('project.record')}>
      <FormField id="activity-kind" label={t('project.activityKind')} field="kind" error={error}>
        <select
          value={kind}
          onChange={(event) => setKind(event.currentTarget.value as ProjectActivityKind)}
          {...controlProps('activity-kind', error, 'kind')}
        >
          {PROJECT_ACTIVITY_KINDS.map((value) => (
            <option key={value} value={value}>
              {label('ProjectActivityKind', value)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id="activity-title" label={t('forms.title')} field="title" error={error}>
        <input
          type="text"
          required
          value={title}
          onInput={(event) => setTitle(event.currentTarget.value)}
          {...controlProps('activity-title', error, 'title')}
        />
      </FormField>
      <div class="field-row">
        <FormField id="activity-starts" label={t('project.startsOn')} field="startsOn" error={error}>
          <input
            type="date"
            required
            value={startsOn}
            onInput={(event) => setStartsOn(event.currentTarget.value)}
            {...controlProps('activity-starts', error, 'startsOn')}
          />
        </FormField>
        <FormField
          id="activity-ends"
          label={t('project.endsOn')}
          hint={t('project.endsOnHint')}
          field="endsOn"
          error={error}
        >
          <input
            type="date"
            min={startsOn}
            value={endsOn}
            onInput={(event) => setEndsOn(event.currentTarget.value)}
            {...controlProps('activity-ends', error, 'endsOn', true)}
          />
        </FormField>
      </div>
      <FormField
        id="activity-venue"
        label={t('project.venue')}
        hint={t('project.venueHint')}
        field="venue"
        error={error}
      >
        <input
          type="text"
          value={venue}
          onInput={(event) => setVenue(event.currentTarget.value)}
          {...controlProps('activity-venue', error, 'venue', true)}
        />
      </FormField>
      <CountriesField
        id="activity-countries"
        legend={t('project.activityCountries')}
        groups={[{ label: t('project.projectCountries'), codes: involved }]}
        selected={countries}
        onChange={setCountries}
        field="countries"
        error={error}
      />
      <FormField id="activity-outcome" label={t('project.outcome')} field="outcome" error={error}>
        <textarea
          rows={3}
          value={outcome}
          onInput={(event) => setOutcome(event.currentTarget.value)}
          {...controlProps('activity-outcome', error, 'outcome')}
        />
      </FormField>
      <LinksEditor id="activity" links={links} onChange={setLinks} error={error} />
      <FormActions
        busy={busy}
        submitLabel={t('project.confirmRecord')}
        close={close}
        disabled={countries.length === 0}
      />
      <ErrorMessage error={error} />
    </form>
  );
}

/** The project's end, with what it achieved. */
export function CompleteProjectForm({ proposal, changed, close }: FormProps) {
  const { t } = useTranslation();
  const { request } = useSession();
  const [completedOn, setCompletedOn] = useState(localDay());
  const [evaluation, setEvaluation] = useState('');
  const { busy, error, run } = useAction();
  const submit = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      await request(COMPLETE_PROJECT, { id: proposal.id, completedOn: dayStart(completedOn), evaluation });
      close();
      await changed();
    });
  };
  return (
    <form class="stacked-form" onSubmit={submit} aria-label={t('project.complete')}>
      <FormField id="complete-date" label={t('project.completedOn')} field="completedOn" error={error}>
        <input
          type="date"
          required
          value={completedOn}
          onInput={(event) => setCompletedOn(event.currentTarget.value)}
          {...controlProps('complete-date', error, 'completedOn')}
        />
      </FormField>
      <FormField id="complete-evaluation" label={t('project.evaluation')} field="evaluation" error={error}>
        <textarea
          rows={5}
          required
          value={evaluation}
          onInput={(event) => setEvaluation(event.currentTarget.value)}
          {...controlProps('complete-evaluation', error, 'evaluation')}
        />
      </FormField>
      <FormActions
        busy={busy}
        submitLabel={t('project.confirmComplete')}
        close={close}
        disabled={evaluation.trim() === ''}
      />
      <ErrorMessage error={error} />
    </form>
  );
}
