import { DateTimeScalar } from '../graphql/date-time.scalar.js';
import { QUESTION_STATUSES, type QuestionStatus } from '@coop/domain';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { registerDomainEnum } from '../graphql/register-enum.js';
import { CooperationItem } from '../items/cooperation-item.types.js';
import { Country, Participant } from '../reference/reference.types.js';

export const QuestionStatusEnum = registerDomainEnum('QuestionStatus', QUESTION_STATUSES);

@ObjectType()
export class Answer {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  questionId!: string;

  @Field(() => String)
  body!: string;

  @Field(() => Participant)
  author!: Participant;

  @Field(() => Country, { nullable: true })
  country!: Country | null;

  @Field(() => DateTimeScalar)
  answeredAt!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  editedAt!: string | null;

  @Field(() => Boolean)
  accepted!: boolean;
}

@ObjectType({ implements: () => [CooperationItem] })
export class Question extends CooperationItem {
  @Field(() => String)
  body!: string;

  @Field(() => QuestionStatusEnum)
  status!: QuestionStatus;

  @Field(() => [Answer])
  answers!: Answer[];

  @Field(() => Answer, { nullable: true })
  acceptedAnswer!: Answer | null;
}
