import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../graphql/page.types.js';
import { CooperationItem } from '../items/cooperation-item.types.js';

@ObjectType()
export class ItemEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => CooperationItem)
  node!: CooperationItem;
}

@ObjectType()
export class ItemConnection {
  @Field(() => [ItemEdge])
  edges!: ItemEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
