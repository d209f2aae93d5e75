import { ADOPT_PRACTICE } from '../api/documents';
import type { Practice } from '../api/types';
import { useTranslation } from '../i18n/i18n';
import { useSession } from '../session/session';
import { ParticipantName } from '../ui/participant-name';
import { TextForm } from '../ui/text-form';
import { TimeStamp } from '../ui/time-stamp';

export function PracticeDetails({ practice, changed }: { practice: Practice; changed: () => Promise<void> }) {
  const { t, countryName } = useTranslation();
  const { viewer, request } = useSession();
  const viewerCountry = viewer.country?.code ?? null;
  const mayAdopt =
    practice.practiceStatus === 'PUBLISHED' &&
    viewerCountry !== null &&
    viewerCountry !== practice.country.code &&
    !practice.adoptions.some((adoption) => adoption.country.code === viewerCountry);
  return (
    <>
      <section aria-labelledby="practice-summary">
        <h2 id="practice-summary">{t('practice.summary')}</h2>
        <p class="prose" translate={false}>
          {practice.summary}
        </p>
        <h2>{t('practice.body')}</h2>
        <div class="prose" translate={false}>
          {practice.body}
        </div>
      </section>
      <section aria-labelledby="adoptions-heading">
        <h2 id="adoptions-heading">{t('practice.adoptions', { count: practice.adoptions.length })}</h2>
        {practice.adoptions.length === 0 ? <p class="empty">{t('practice.noAdoptions')}</p> : null}
        <ul class="plain-list">
          {practice.adoptions.map((adoption) => (
            <li key={adoption.country.code}>
              <strong>{countryName(adoption.country.code)}</strong> <ParticipantName participant={adoption.by} />{' '}
              <TimeStamp at={adoption.adoptedAt} />
              {adoption.note ? (
                <p class="prose" translate={false}>
                  {adoption.note}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
        {mayAdopt ? (
          <TextForm
            id="adopt"
            label={t('practice.adoptNote')}
            submitLabel={t('practice.adopt')}
            field="note"
            required={false}
            onSubmit={async (note) => {
              await request(ADOPT_PRACTICE, { id: practice.id, note: note.trim() === '' ? null : note });
              await changed();
            }}
          />
        ) : null}
      </section>
    </>
  );
}
