import { Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module.js';
import { DiscussionResolver, ItemCommentsResolver } from './discussion.resolver.js';

@Module({ imports: [ItemsModule], providers: [DiscussionResolver, ItemCommentsResolver] })
export class DiscussionsModule {}
