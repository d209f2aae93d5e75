import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { Activity } from '@coop/domain';
import { ActivityEnum } from '../feed/feed.types.js';
import { Country } from '../reference/reference.types.js';

@ObjectType()
export class ActivityCount {
  @Field(() => ActivityEnum)
  activity!: Activity;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class CountryActivity {
  @Field(() => Country)
  country!: Country;

  @Field(() => Int)
  total!: number;

  @Field(() => [ActivityCount])
  counts!: ActivityCount[];
}
