import { DateTimeScalar } from '../graphql/date-time.scalar.js';
import {
  PARTNER_STATUSES,
  PROPOSAL_STATUSES,
  REVIEW_DECISIONS,
  type PartnerStatus,
  type ProposalStatus,
  type ReviewDecision,
} from '@coop/domain';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { registerDomainEnum } from '../graphql/register-enum.js';
import { CooperationItem } from '../items/cooperation-item.types.js';
import { Country, Participant } from '../reference/reference.types.js';

export const ProposalStatusEnum = registerDomainEnum('ProposalStatus', PROPOSAL_STATUSES);
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
}
