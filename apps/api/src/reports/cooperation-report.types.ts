import type { Subregion, Topic } from '@coop/domain';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ActivityCount, CountryActivity } from '../audit/cooperation-stats.types.js';
import { DateTimeScalar } from '../graphql/date-time.scalar.js';
import { JointProjectProposal } from '../proposals/proposal.types.js';
import { Country, SubregionEnum, TopicEnum } from '../reference/reference.types.js';

@ObjectType()
export class SubregionActivity {
  @Field(() => SubregionEnum)
  subregion!: Subregion;

  @Field(() => Int)
  total!: number;

  @Field(() => [ActivityCount])
  counts!: ActivityCount[];
}

@ObjectType()
export class TopicActivity {
  @Field(() => TopicEnum)
  topic!: Topic;

  @Field(() => Int)
  total!: number;
}

@ObjectType({ description: 'Two countries that worked together in the interval, and how.' })
export class CountryLink {
  @Field(() => [Country], { description: 'The two countries, in code order.' })
  countries!: Country[];

  @Field(() => Int, { description: "Answers to the other country's questions, both ways." })
  answers!: number;

  @Field(() => Int, { description: "Adoptions of the other country's practices, both ways." })
  adoptions!: number;

  @Field(() => Int, { description: 'Joint projects where both are lead or joined partner.' })
  projects!: number;

  @Field(() => Int, { description: 'Consultation responses between them, both ways.' })
  consultations!: number;

  @Field(() => Int)
  total!: number;
}

@ObjectType({ description: 'Institutional outcomes as the profiles stood at the end of the interval.' })
export class ProfileSummary {
  @Field(() => [Country])
  countriesWithCompetentAuthorities!: Country[];

  @Field(() => [Country])
  countriesWithIanPointOfContact!: Country[];

  @Field(() => [Country])
  selfAssessmentsCompleted!: Country[];

  @Field(() => [Country])
  actionPlansCompleted!: Country[];
}

@ObjectType({
  description: 'What the secretariat reports to the Conference of the Parties for a period (e.g. a biennium).',
})
export class CooperationReport {
  @Field(() => DateTimeScalar)
  from!: Date;

  @Field(() => DateTimeScalar)
  to!: Date;

  @Field(() => [CountryActivity])
  byCountry!: CountryActivity[];

  @Field(() => [SubregionActivity])
  bySubregion!: SubregionActivity[];

  @Field(() => [TopicActivity], { description: 'Most active first.' })
  byTopic!: TopicActivity[];

  @Field(() => [CountryLink], { description: 'Most active first.' })
  countryLinks!: CountryLink[];

  @Field(() => ProfileSummary)
  profiles!: ProfileSummary;

  @Field(() => [JointProjectProposal])
  endorsedProjects!: JointProjectProposal[];

  @Field(() => [JointProjectProposal])
  completedProjects!: JointProjectProposal[];
}
