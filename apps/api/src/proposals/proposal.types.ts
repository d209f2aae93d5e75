import { DateTimeScalar } from '../graphql/date-time.scalar.js';
import {
  PARTNER_STATUSES,
  PROJECT_ACTIVITY_KINDS,
  PROPOSAL_STATUSES,
  REVIEW_DECISIONS,
  type PartnerStatus,
  type ProjectActivityKind,
  type ProposalStatus,
  type ReviewDecision,
} from '@coop/domain';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { registerDomainEnum } from '../graphql/register-enum.js';
import { CooperationItem } from '../items/cooperation-item.types.js';
import { Link } from '../items/link.types.js';
import { Country, Participant } from '../reference/reference.types.js';

export const ProposalStatusEnum = registerDomainEnum('ProposalStatus', PROPOSAL_STATUSES, undefined, {
  IN_IMPLEMENTATION: 'Endorsed and started.',
  COMPLETED: 'Implemented and evaluated.',
});
export const ProjectActivityKindEnum = registerDomainEnum('ProjectActivityKind', PROJECT_ACTIVITY_KINDS);
export const PartnerStatusEnum = registerDomainEnum('PartnerStatus', PARTNER_STATUSES);
export const ReviewDecisionEnum = registerDomainEnum('ReviewDecision', REVIEW_DECISIONS);

@ObjectType()
export class ProposalPartner {
  @Field(() => Country)
  country!: Country;

  @Field(() => PartnerStatusEnum)
  status!: PartnerStatus;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  respondedAt!: string | null;
}

@ObjectType()
export class ProposalReview {
  @Field(() => ReviewDecisionEnum)
  decision!: ReviewDecision;

  @Field(() => String)
  note!: string;

  @Field(() => Participant)
  reviewer!: Participant;

  @Field(() => DateTimeScalar)
  reviewedAt!: string;
}

@ObjectType({ description: 'Something a joint project did: a meeting, a training, a guide published.' })
export class ProjectActivity {
  @Field(() => ID)
  id!: string;

  @Field(() => ProjectActivityKindEnum)
  kind!: ProjectActivityKind;

  @Field(() => String)
  title!: string;

  @Field(() => DateTimeScalar, { description: 'First day.' })
  startsOn!: string;

  @Field(() => DateTimeScalar, { description: 'Last day; equal to startsOn for a one-day activity.' })
  endsOn!: string;

  @Field(() => String, { nullable: true, description: 'City and country as text, e.g. Almaty, Kazakhstan.' })
  venue!: string | null;

  @Field(() => [Country])
  countries!: Country[];

  @Field(() => String, { nullable: true })
  outcome!: string | null;

  @Field(() => [Link])
  links!: Link[];

  @Field(() => Participant)
  recordedBy!: Participant;

  @Field(() => DateTimeScalar)
  recordedAt!: string;
}

@ObjectType({ implements: () => [CooperationItem] })
export class JointProjectProposal extends CooperationItem {
  @Field(() => String)
  objectives!: string;

  @Field(() => Int)
  durationMonths!: number;

  @Field(() => Country)
  leadCountry!: Country;

  @Field(() => [ProposalPartner])
  partners!: ProposalPartner[];

  @Field(() => ProposalStatusEnum)
  status!: ProposalStatus;

  @Field(() => [ProposalReview])
  reviews!: ProposalReview[];

  @Field(() => String, {
    nullable: true,
    description: 'Who funds the project, as text (set when implementation starts).',
  })
  donor!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  startedOn!: string | null;

  @Field(() => [ProjectActivity], { description: 'Oldest first.' })
  activities!: ProjectActivity[];

  @Field(() => DateTimeScalar, { nullable: true })
  completedOn!: string | null;

  @Field(() => String, { nullable: true })
  evaluation!: string | null;
}
