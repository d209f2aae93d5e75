import { Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module.js';
import { DiscussionResolver } from './discussion.resolver.js';

@Module({ imports: [ItemsModule], providers: [DiscussionResolver] })
export class DiscussionsModule {}
