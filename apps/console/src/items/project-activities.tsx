import type { ProjectActivity } from '../api/types';
import { useTranslation } from '../i18n/i18n';
import { LinkList } from '../ui/link-list';
import { ParticipantName } from '../ui/participant-name';
import { DaySpan } from '../ui/time-stamp';

/** What the project did, by the days it happened, earliest first. */
export function ProjectActivities({ activities }: { activities: readonly ProjectActivity[] }) {
  const { t, label, countryName } = useTranslation();
  const dated = [...activities].sort(
    (a, b) => a.startsOn.localeCompare(b.startsOn) || a.recordedAt.localeCompare(b.recordedAt),
  );
  if (dated.length === 0) return <p class="empty">{t('project.noActivities')}</p>;
  return (
    <ol class="activities">
      {dated.map((activity) => (
        <li key={activity.id} class="activity" aria-labelledby={`activity-${activity.id}`}>
          <p class="entry-meta">
            <DaySpan from={activity.startsOn} to={activity.endsOn} />
            <span class="label">{label('ProjectActivityKind', activity.kind)}</span>
          </p>
          <h3 id={`activity-${activity.id}`} class="entry-title" translate={false}>
            {activity.title}
          </h3>
          <dl class="facts">
            {activity.venue !== null ? (
              <>
                <dt>{t('project.venue')}</dt>
                <dd translate={false}>{activity.venue}</dd>
              </>
            ) : null}
            <dt>{t('project.activityCountries')}</dt>
            <dd>{activity.countries.map(({ code }) => countryName(code)).join(', ')}</dd>
            <dt>{t('project.recordedBy')}</dt>
            <dd>
              <ParticipantName participant={activity.recordedBy} />
            </dd>
          </dl>
          {activity.outcome !== null ? (
            <div class="prose" translate={false}>
              {activity.outcome}
            </div>
          ) : null}
          <LinkList links={activity.links} />
        </li>
      ))}
    </ol>
  );
}
