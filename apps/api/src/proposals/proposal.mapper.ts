import { countryInfo } from '@coop/domain';
import type { ItemViewOf } from '@coop/read-model';
import { cooperationItemFields } from '../items/cooperation-item.mapper.js';
import { linkModels } from '../items/link.types.js';
import { participantModel } from '../reference/reference.types.js';
import { JointProjectProposal } from './proposal.types.js';

export function proposalModel(view: ItemViewOf<'PROPOSAL'>): JointProjectProposal {
  const { state } = view;
  return Object.assign(new JointProjectProposal(), cooperationItemFields(view), {
    objectives: state.objectives,
    durationMonths: state.durationMonths,
    leadCountry: countryInfo(state.country),
    status: state.status,
    partners: state.partners.map((partner) => ({
      country: countryInfo(partner.country),
      status: partner.status,
      note: partner.note,
      respondedAt: partner.respondedAt,
    })),
    reviews: state.reviews.map((review) => ({
      decision: review.decision,
      note: review.note,
      reviewer: participantModel(review.reviewer),
      reviewedAt: review.reviewedAt,
    })),
    donor: state.donor,
    startedOn: state.startedOn,
    activities: state.activities.map((activity) => ({
      id: activity.id,
      kind: activity.kind,
      title: activity.title,
      startsOn: activity.startsOn,
      endsOn: activity.endsOn,
      venue: activity.venue,
      countries: activity.countries.map(countryInfo),
      outcome: activity.outcome,
      links: linkModels(activity.links),
      recordedBy: participantModel(activity.recordedBy),
      recordedAt: activity.recordedAt,
    })),
    completedOn: state.completedOn,
    evaluation: state.evaluation,
  });
}
