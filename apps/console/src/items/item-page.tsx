import { useRoute } from 'preact-iso';
import type { Item } from '../api/types';
import { useTranslation } from '../i18n/i18n';
import { ConnectionStatus } from '../ui/connection-status';
import { ErrorMessage } from '../ui/error-message';
import { ItemLabels } from '../ui/item-labels';
import { ParticipantName } from '../ui/participant-name';
import { TimeStamp } from '../ui/time-stamp';
import { LinkList } from '../ui/link-list';
import { Comments } from './comments';
import { ConsultationDetails } from './consultation-details';
import { HistoryTimeline } from './history-timeline';
import { PracticeDetails } from './practice-details';
import { ProposalDetails } from './proposal-details';
import { QuestionDetails } from './question-details';
import { useItem } from './use-item';
import { WatchButton } from './watch-button';

/** The status of the item in its kind's own terms. */
function statusOf(item: Item, label: ReturnType<typeof useTranslation>['label']): string {
  switch (item.__typename) {
    case 'Practice':
      return label('PracticeStatus', item.practiceStatus);
    case 'Question':
      return label('QuestionStatus', item.questionStatus);
    case 'JointProjectProposal':
      return label('ProposalStatus', item.proposalStatus);
    case 'TransboundaryConsultation':
      return label('ConsultationStatus', item.consultationStatus);
  }
}

function KindDetails({ item, changed }: { item: Item; changed: () => Promise<void> }) {
  switch (item.__typename) {
    case 'Practice':
      return <PracticeDetails practice={item} changed={changed} />;
    case 'Question':
      return <QuestionDetails question={item} changed={changed} />;
    case 'JointProjectProposal':
      return <ProposalDetails proposal={item} changed={changed} />;
    case 'TransboundaryConsultation':
      return <ConsultationDetails consultation={item} changed={changed} />;
  }
}

function Audience({ item }: { item: Item }) {
  const { t, label, countryName } = useTranslation();
  const { scope, subregions, countries } = item.audience;
  const named = [
    ...subregions.map((subregion) => label('Subregion', subregion)),
    ...countries.map((country) => countryName(country.code)),
  ];
  // A consultation's default audience names no country: only those concerned see it.
  if (scope === 'COUNTRIES' && named.length === 0) return <>{t('item.audienceConcerned')}</>;
  return (
    <>
      {label('AudienceScope', scope)}
      {named.length > 0 ? `: ${named.join(', ')}` : ''}
    </>
  );
}

export function ItemPage() {
  const { t, label } = useTranslation();
  const { state, reload, liveError } = useItem(useRoute().params['id'] ?? '');
  if (state.kind === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (state.kind === 'failed') return <ErrorMessage error={state.error} />;
  if (state.kind === 'missing') {
    return (
      <section>
        <h1>{t('item.missingTitle')}</h1>
        <p>{t('item.missingExplained')}</p>
        <p>
          <a href="/">{t('notFound.back')}</a>
        </p>
      </section>
    );
  }
  const { item } = state;
  return (
    <article class="item" aria-labelledby="item-title">
      <header class="item-header">
        <div class="page-heading">
          <h1 id="item-title" translate={false}>
            {item.title}
          </h1>
          <ConnectionStatus />
        </div>
        <p class="status">
          <span class="badge">{statusOf(item, label)}</span>
        </p>
        <WatchButton item={item} changed={reload} />
        <ItemLabels item={item} />
        <dl class="facts">
          <dt>{t('item.author')}</dt>
          <dd>
            <ParticipantName participant={item.author} />
          </dd>
          <dt>{t('item.audience')}</dt>
          <dd>
            <Audience item={item} />
          </dd>
          <dt>{t('item.subregions')}</dt>
          <dd>{item.subregions.map((subregion) => label('Subregion', subregion)).join(', ')}</dd>
          <dt>{t('item.created')}</dt>
          <dd>
            <TimeStamp at={item.createdAt} />
          </dd>
          <dt>{t('item.updated')}</dt>
          <dd>
            <TimeStamp at={item.updatedAt} />
          </dd>
        </dl>
        <ErrorMessage error={liveError} />
      </header>
      <KindDetails item={item} changed={reload} />
      {item.links.length > 0 ? (
        <section aria-labelledby="links-heading">
          <h2 id="links-heading">{t('links.heading')}</h2>
          <LinkList links={item.links} />
        </section>
      ) : null}
      <Comments item={item} changed={reload} />
      <HistoryTimeline events={item.history} />
    </article>
  );
}
