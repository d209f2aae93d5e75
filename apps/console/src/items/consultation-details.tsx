import { useState } from 'preact/hooks';
import { CONCLUDE_CONSULTATION, RESPOND_TO_CONSULTATION, WITHDRAW_CONSULTATION } from '../api/documents';
import { CONSULTATION_POSITIONS, type ConsultationPosition } from '../api/enums';
import type { Consultation, ConsultationResponse, RecordedEvent } from '../api/types';
import { controlProps, FormField } from '../forms/form-field';
import { useTranslation } from '../i18n/i18n';
import { isFocalPointOf, useSession } from '../session/session';
import { Disclosure } from '../ui/disclosure';
import { ErrorMessage } from '../ui/error-message';
import { ParticipantName } from '../ui/participant-name';
import { TextForm } from '../ui/text-form';
import { TimeStamp } from '../ui/time-stamp';
import { useAction } from '../ui/use-action';

type Changed = () => Promise<void>;

interface RecordedResponse {
  readonly country: string;
  readonly position: string;
  readonly body: string;
  readonly at: string;
}

/** What a history event recorded, when it is a response: the events' data is the API's JSON, read with care. */
function responseOf(event: RecordedEvent): RecordedResponse | null {
  if (event.type !== 'ConsultationResponded' || typeof event.data !== 'object' || event.data === null) return null;
  const { country, position, body } = event.data as Record<string, unknown>;
  if (typeof country !== 'string' || typeof position !== 'string' || typeof body !== 'string') return null;
  return { country, position, body, at: event.occurredAt };
}

/** The reason a withdrawn consultation gave, from its history. */
function withdrawalReason(history: readonly RecordedEvent[]): string | null {
  const withdrawn = history.find((event) => event.type === 'ConsultationWithdrawn');
  const reason = (withdrawn?.data as Record<string, unknown> | undefined)?.['reason'];
  return typeof reason === 'string' ? reason : null;
}

function ResponseView({ response, earlier }: { response: ConsultationResponse; earlier: readonly RecordedResponse[] }) {
  const { t, label, countryName } = useTranslation();
  return (
    <li class="response" data-country={response.country.code}>
      <p class="comment-meta">
        <strong>{countryName(response.country.code)}</strong>
        <span class={`badge position-${response.position.toLowerCase()}`}>
          {label('ConsultationPosition', response.position)}
        </span>
      </p>
      <p class="comment-meta">
        <ParticipantName participant={response.by} /> <TimeStamp at={response.respondedAt} />
        {response.revisedAt !== null ? (
          <span class="badge">
            {t('consultation.revised')} <TimeStamp at={response.revisedAt} />
          </span>
        ) : null}
      </p>
      <div class="prose" translate={false}>
        {response.body}
      </div>
      {earlier.length > 0 ? (
        <details class="earlier">
          <summary>{t('consultation.earlierResponses', { count: earlier.length })}</summary>
          <ol class="plain-list">
            {earlier.map((version) => (
              <li key={version.at}>
                <p class="comment-meta">
                  <span class="badge">{label('ConsultationPosition', version.position)}</span>
                  <TimeStamp at={version.at} />
                </p>
                <div class="prose" translate={false}>
                  {version.body}
                </div>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </li>
  );
}

function RespondForm({
  consultation,
  current,
  changed,
}: {
  consultation: Consultation;
  current: ConsultationResponse | undefined;
  changed: Changed;
}) {
  const { t, label } = useTranslation();
  const { request } = useSession();
  const [position, setPosition] = useState<ConsultationPosition>(current?.position ?? 'NO_SIGNIFICANT_EFFECTS');
  const [body, setBody] = useState(current?.body ?? '');
  const { busy, error, run } = useAction();
  const submit = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      await request(RESPOND_TO_CONSULTATION, { consultationId: consultation.id, position, body });
      await changed();
    });
  };
  return (
    <form class="text-form" onSubmit={submit} aria-labelledby="respond-heading">
      <h3 id="respond-heading">{current ? t('consultation.reviseResponse') : t('consultation.respond')}</h3>
      <FormField id="response-position" label={t('consultation.position')} field="position" error={error}>
        <select
          value={position}
          onChange={(event) => setPosition(event.currentTarget.value as ConsultationPosition)}
          {...controlProps('response-position', error, 'position')}
        >
          {CONSULTATION_POSITIONS.map((value) => (
            <option key={value} value={value}>
              {label('ConsultationPosition', value)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id="response-body" label={t('consultation.responseBody')} field="body" error={error}>
        <textarea
          rows={4}
          required
          value={body}
          onInput={(event) => setBody(event.currentTarget.value)}
          {...controlProps('response-body', error, 'body')}
        />
      </FormField>
      <div class="actions">
        <button type="submit" disabled={busy || body.trim() === ''}>
          {current ? t('consultation.sendRevision') : t('consultation.sendResponse')}
        </button>
      </div>
      <ErrorMessage error={error} />
    </form>
  );
}

export function ConsultationDetails({ consultation, changed }: { consultation: Consultation; changed: Changed }) {
  const { t, label, countryName } = useTranslation();
  const { viewer, request } = useSession();
  const open = consultation.consultationStatus === 'OPEN';
  const viewerCountry = viewer.country?.code ?? null;
  const consulted = consultation.consultedCountries.some((country) => isFocalPointOf(viewer, country.code));
  const originating = isFocalPointOf(viewer, consultation.country.code);
  const current = consultation.responses.find((response) => response.country.code === viewerCountry);
  const recorded = consultation.responseHistory.flatMap((event) => responseOf(event) ?? []);
  const names = (countries: readonly { code: string }[]) => countries.map(({ code }) => countryName(code)).join(', ');
  const reason =
    consultation.consultationStatus === 'WITHDRAWN' ? withdrawalReason(consultation.responseHistory) : null;
  return (
    <>
      <section aria-labelledby="activity-heading">
        <h2 id="activity-heading">{t('consultation.activity')}</h2>
        <dl class="facts">
          <dt>{t('consultation.hazardousActivity')}</dt>
          <dd translate={false}>{consultation.hazardousActivity}</dd>
          <dt>{t('consultation.location')}</dt>
          <dd translate={false}>{consultation.location}</dd>
          <dt>{t('consultation.consulted')}</dt>
          <dd>{names(consultation.consultedCountries)}</dd>
          <dt>{t('consultation.respondBy')}</dt>
          <dd>
            <TimeStamp at={consultation.respondBy} />{' '}
            {consultation.overdue ? <span class="badge badge-overdue">{t('consultation.overdue')}</span> : null}
          </dd>
          <dt>{t('consultation.awaiting')}</dt>
          <dd>{consultation.awaiting.length > 0 ? names(consultation.awaiting) : t('consultation.allResponded')}</dd>
        </dl>
        <div class="prose" translate={false}>
          {consultation.body}
        </div>
      </section>
      <section aria-labelledby="responses-heading">
        <h2 id="responses-heading">{t('consultation.responses', { count: consultation.responses.length })}</h2>
        {consultation.responses.length === 0 ? <p class="empty">{t('consultation.noResponses')}</p> : null}
        <ol class="answers responses">
          {consultation.responses.map((response) => {
            const versions = recorded.filter((version) => version.country === response.country.code);
            return (
              <ResponseView
                key={response.country.code}
                response={response}
                // Every recorded version but the last, which is the response as it stands.
                earlier={versions.slice(0, -1).reverse()}
              />
            );
          })}
        </ol>
        {open && consulted ? (
          <RespondForm
            // A new form once the country's response changes, so it starts from what was recorded.
            key={current?.revisedAt ?? current?.respondedAt ?? 'none'}
            consultation={consultation}
            current={current}
            changed={changed}
          />
        ) : null}
      </section>
      {consultation.conclusion !== null ? (
        <section aria-labelledby="conclusion-heading">
          <h2 id="conclusion-heading">{t('consultation.conclusion')}</h2>
          <div class="prose" translate={false}>
            {consultation.conclusion}
          </div>
        </section>
      ) : null}
      {reason !== null ? (
        <section aria-labelledby="withdrawn-heading">
          <h2 id="withdrawn-heading">{label('ConsultationStatus', 'WITHDRAWN')}</h2>
          <p class="prose" translate={false}>
            {reason}
          </p>
        </section>
      ) : null}
      {open && originating ? (
        <section aria-labelledby="close-heading">
          <h2 id="close-heading">{t('consultation.closeHeading')}</h2>
          <TextForm
            id="conclude"
            label={t('consultation.conclusionLabel')}
            submitLabel={t('consultation.conclude')}
            field="conclusion"
            onSubmit={async (conclusion) => {
              await request(CONCLUDE_CONSULTATION, { id: consultation.id, conclusion });
              await changed();
            }}
          />
          <div class="disclosures">
            <Disclosure id="withdraw-consultation" label={t('consultation.withdraw')}>
              {(close) => (
                <TextForm
                  id="withdraw"
                  label={t('consultation.withdrawReason')}
                  submitLabel={t('consultation.confirmWithdraw')}
                  field="reason"
                  multiline={false}
                  onCancel={close}
                  onSubmit={async (reason) => {
                    await request(WITHDRAW_CONSULTATION, { id: consultation.id, reason });
                    await changed();
                  }}
                />
              )}
            </Disclosure>
          </div>
        </section>
      ) : null}
    </>
  );
}
