import { useState } from 'preact/hooks';
import { REVIEW_DECISIONS, type ReviewDecision } from '../api/enums';
import { RESPOND_TO_INVITATION, REVIEW_PROPOSAL, SUBMIT_PROPOSAL } from '../api/documents';
import type { Proposal } from '../api/types';
import { useTranslation } from '../i18n/i18n';
import { isSecretariat, useSession } from '../session/session';
import { ErrorMessage, FieldError } from '../ui/error-message';
import { ParticipantName } from '../ui/participant-name';
import { TimeStamp } from '../ui/time-stamp';
import { useAction } from '../ui/use-action';

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

export function ProposalDetails({ proposal, changed }: { proposal: Proposal; changed: Changed }) {
  const { t, label, countryName } = useTranslation();
  const { viewer } = useSession();
  const focalPointOf = (code: string) => viewer.country?.code === code && viewer.roles.includes('FOCAL_POINT');
  const invitedHere = proposal.partners.some(
    (partner) => partner.status === 'INVITED' && focalPointOf(partner.country.code),
  );
  const maySubmit =
    focalPointOf(proposal.leadCountry.code) && ['DRAFT', 'CHANGES_REQUESTED'].includes(proposal.proposalStatus);
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
        {maySubmit ? <SubmitButton proposal={proposal} changed={changed} /> : null}
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
        {invitedHere ? <RespondForm proposal={proposal} changed={changed} /> : null}
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
        {isSecretariat(viewer) && proposal.proposalStatus === 'SUBMITTED' ? (
          <ReviewForm proposal={proposal} changed={changed} />
        ) : null}
      </section>
    </>
  );
}
