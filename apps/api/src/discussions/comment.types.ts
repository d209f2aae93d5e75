import { DateTimeScalar } from '../graphql/date-time.scalar.js';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../graphql/page.types.js';
import { Country, Participant } from '../reference/reference.types.js';

@ObjectType()
export class Comment {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  itemId!: string;

  @Field(() => String, { nullable: true, description: 'Null once retracted.' })
  body!: string | null;

  @Field(() => Participant)
  author!: Participant;

  @Field(() => Country, { nullable: true })
  country!: Country | null;

  @Field(() => ID, { nullable: true })
  replyTo!: string | null;

  @Field(() => DateTimeScalar)
  postedAt!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  editedAt!: string | null;

  @Field(() => Boolean)
  retracted!: boolean;
}

@ObjectType()
export class CommentEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Comment)
  node!: Comment;
}

@ObjectType()
export class CommentConnection {
  @Field(() => [CommentEdge])
  edges!: CommentEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
