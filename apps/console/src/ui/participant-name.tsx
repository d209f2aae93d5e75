import type { ParticipantRef } from '../api/types';
import { useTranslation } from '../i18n/i18n';

/** A participant's name (never translated) and their country, or the secretariat. */
export function ParticipantName({ participant }: { participant: ParticipantRef | null }) {
  const { countryName, label, t } = useTranslation();
  if (participant === null) return <span>{t('common.system')}</span>;
  return (
    <span class="participant">
      <span translate={false}>{participant.name}</span>
      <span class="participant-country">
        {participant.country ? countryName(participant.country.code) : label('Role', 'SECRETARIAT')}
      </span>
    </span>
  );
}
