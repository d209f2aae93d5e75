import { useState } from 'preact/hooks';
import { REVIEW_DECISIONS, type ReviewDecision } from '../api/enums';
import { RESPOND_TO_INVITATION, REVIEW_PROPOSAL, SUBMIT_PROPOSAL } from '../api/documents';
import type { Proposal } from '../api/types';
import { useTranslation } from '../i18n/i18n';
import { isFocalPointOf, isSecretariat, useSession } from '../session/session';
import { Disclosure } from '../ui/disclosure';
import { ErrorMessage, FieldError } from '../ui/error-message';
import { ParticipantName } from '../ui/participant-name';
import { TimeStamp } from '../ui/time-stamp';
import { useAction } from '../ui/use-action';
import { ProjectActivities } from './project-activities';
import {
  CompleteProjectForm,
  InvitePartnerForm,
  RecordActivityForm,
  ReviseProposalForm,
  StartImplementationForm,
} from './project-forms';

type Changed = () => Promise<void>;

function RespondForm({ proposal, changed }: { proposal: Proposal; changed: Changed }) {
  const { t } = useTranslation();
  const { request } = useSession();
  const [note, setNote] = useState('');
  const { busy, error, run } = useAction();
  const respond = (accept: boolean) =>
    void run(async () => {
      await request(RESPOND_TO_INVITATION, { proposalId: proposal.id, accept, note: note.trim() === '' ? null : note });
      await changed();
    });
  return (
    <form class="text-form" onSubmit={(event) => event.preventDefault()}>
      <label for="respond-note">{t('proposal.responseNote')}</label>
      <input id="respond-note" type="text" value={note} onInput={(event) => setNote(event.currentTarget.value)} />
      <FieldError error={error} field="note" id="respond-note-error" />
      <div class="actions">
        <button type="button" disabled={busy} onClick={() => respond(true)}>
          {t('proposal.join')}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={() => respond(false)}>
          {t('proposal.decline')}
        </button>
      </div>
      <ErrorMessage error={error} />
    </form>
  );
}

function SubmitButton({ proposal, changed }: { proposal: Proposal; changed: Changed }) {
  const { t } = useTranslation();
  const { request } = useSession();
  const { busy, error, run } = useAction();
  return (
    <div class="actions">
      <button
        type="button"
        disabled={busy}
        onClick={() =>
          void run(async () => {
            await request(SUBMIT_PROPOSAL, { id: proposal.id });
            await changed();
          })
        }
      >
        {t('proposal.submit')}
      </button>
      <ErrorMessage error={error} />
    </div>
  );
}

function ReviewForm({ proposal, changed }: { proposal: Proposal; changed: Changed }) {
  const { t, label } = useTranslation();
  const { request } = useSession();
  const [decision, setDecision] = useState<ReviewDecision>('ENDORSE');
  const [note, setNote] = useState('');
  const { busy, error, run } = useAction();
  const submit = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      await request(REVIEW_PROPOSAL, { id: proposal.id, decision, note });
      await changed();
    });
  };
  return (
    <form class="text-form" onSubmit={submit}>
      <label for="review-decision">{t('proposal.decision')}</label>
      <select
        id="review-decision"
        value={decision}
        onChange={(event) => setDecision(event.currentTarget.value as ReviewDecision)}
      >
        {REVIEW_DECISIONS.map((value) => (
          <option key={value} value={value}>
            {label('ReviewDecision', value)}
          </option>
        ))}
      </select>
      <label for="review-note">{t('proposal.reviewNote')}</label>
      <textarea
        id="review-note"
        rows={3}
        required
        value={note}
        onInput={(event) => setNote(event.currentTarget.value)}
      />
      <FieldError error={error} field="note" id="review-note-error" />
      <div class="actions">
        <button type="submit" disabled={busy || note.trim() === ''}>
          {t('proposal.review')}
        </button>
      </div>
      <ErrorMessage error={error} />
    </form>
  );
}

/** What the lead may do at each stage, and the partners once the project runs; the API has the last word. */
function mayOf(proposal: Proposal, viewer: ReturnType<typeof useSession>['viewer']) {
  const lead = isFocalPointOf(viewer, proposal.leadCountry.code);
  const status = proposal.proposalStatus;
  const editable = lead && ['DRAFT', 'CHANGES_REQUESTED'].includes(status);
  const running = status === 'IN_IMPLEMENTATION';
  const joined = proposal.partners.some(
    (partner) => partner.status === 'JOINED' && isFocalPointOf(viewer, partner.country.code),
  );
  return {
    respond: proposal.partners.some(
      (partner) => partner.status === 'INVITED' && isFocalPointOf(viewer, partner.country.code),
    ),
    submit: editable,
    revise: editable,
    invite: editable,
    review: isSecretariat(viewer) && status === 'SUBMITTED',
    start: lead && status === 'ENDORSED',
    record: running && (lead || joined),
    complete: lead && running,
  };
}

export function ProposalDetails({ proposal, changed }: { proposal: Proposal; changed: Changed }) {
  const { t, label, countryName } = useTranslation();
  const { viewer } = useSession();
  const may = mayOf(proposal, viewer);
  const implementation = proposal.startedOn !== null;
  return (
    <>
      <section aria-labelledby="objectives-heading">
        <h2 id="objectives-heading">{t('proposal.objectives')}</h2>
        <div class="prose" translate={false}>
          {proposal.objectives}
        </div>
        <dl class="facts">
          <dt>{t('proposal.leadCountry')}</dt>
          <dd>{countryName(proposal.leadCountry.code)}</dd>
          <dt>{t('proposal.duration')}</dt>
          <dd>{t('proposal.months', { count: proposal.durationMonths })}</dd>
        </dl>
        {may.submit ? <SubmitButton proposal={proposal} changed={changed} /> : null}
        {may.revise ? (
          <Disclosure id="revise-proposal" label={t('project.revise')}>
            {(close) => <ReviseProposalForm proposal={proposal} changed={changed} close={close} />}
          </Disclosure>
        ) : null}
      </section>
      <section aria-labelledby="partners-heading">
        <h2 id="partners-heading">{t('proposal.partners')}</h2>
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('proposal.country')}</th>
                <th scope="col">{t('proposal.partnerStatus')}</th>
                <th scope="col">{t('proposal.respondedAt')}</th>
                <th scope="col">{t('proposal.note')}</th>
              </tr>
            </thead>
            <tbody>
              {proposal.partners.map((partner) => (
                <tr key={partner.country.code}>
                  <th scope="row">{countryName(partner.country.code)}</th>
                  <td>{label('PartnerStatus', partner.status)}</td>
                  <td>{partner.respondedAt ? <TimeStamp at={partner.respondedAt} /> : '—'}</td>
                  <td translate={false}>{partner.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {may.respond ? <RespondForm proposal={proposal} changed={changed} /> : null}
        {may.invite ? (
          <Disclosure id="invite-partner" label={t('project.invite')}>
            {(close) => <InvitePartnerForm proposal={proposal} changed={changed} close={close} />}
          </Disclosure>
        ) : null}
      </section>
      <section aria-labelledby="reviews-heading">
        <h2 id="reviews-heading">{t('proposal.reviews')}</h2>
        {proposal.reviews.length === 0 ? <p class="empty">{t('proposal.noReviews')}</p> : null}
        <ul class="plain-list">
          {proposal.reviews.map((review) => (
            <li key={review.reviewedAt}>
              <strong>{label('ReviewDecision', review.decision)}</strong>{' '}
              <ParticipantName participant={review.reviewer} /> <TimeStamp at={review.reviewedAt} />
              <p class="prose" translate={false}>
                {review.note}
              </p>
            </li>
          ))}
        </ul>
        {may.review ? <ReviewForm proposal={proposal} changed={changed} /> : null}
      </section>
      {implementation || may.start ? (
        <section aria-labelledby="implementation-heading">
          <h2 id="implementation-heading">{t('project.implementation')}</h2>
          {implementation ? (
            <dl class="facts">
              <dt>{t('project.donor')}</dt>
              <dd translate={proposal.donor === null ? undefined : false}>{proposal.donor ?? t('project.noDonor')}</dd>
              <dt>{t('project.startedOn')}</dt>
              <dd>{proposal.startedOn ? <TimeStamp at={proposal.startedOn} day /> : null}</dd>
              {proposal.completedOn !== null ? (
                <>
                  <dt>{t('project.completedOn')}</dt>
                  <dd>
                    <TimeStamp at={proposal.completedOn} day />
                  </dd>
                </>
              ) : null}
            </dl>
          ) : null}
          {may.start ? (
            <Disclosure id="start-implementation" label={t('project.start')}>
              {(close) => <StartImplementationForm proposal={proposal} changed={changed} close={close} />}
            </Disclosure>
          ) : null}
          {proposal.evaluation !== null ? (
            <>
              <h3>{t('project.evaluation')}</h3>
              <div class="prose" translate={false}>
                {proposal.evaluation}
              </div>
            </>
          ) : null}
        </section>
      ) : null}
      {implementation ? (
        <section aria-labelledby="activities-heading">
          <h2 id="activities-heading">{t('project.activities', { count: proposal.activities.length })}</h2>
          <ProjectActivities activities={proposal.activities} />
          <div class="disclosures">
            {may.record ? (
              <Disclosure id="record-activity" label={t('project.record')}>
                {(close) => <RecordActivityForm proposal={proposal} changed={changed} close={close} />}
              </Disclosure>
            ) : null}
            {may.complete ? (
              <Disclosure id="complete-project" label={t('project.complete')}>
                {(close) => <CompleteProjectForm proposal={proposal} changed={changed} close={close} />}
              </Disclosure>
            ) : null}
          </div>
        </section>
      ) : null}
    </>
  );
}
