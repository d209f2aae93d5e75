import { Module } from '@nestjs/common';
import { FeedResolver } from './feed.resolver.js';

@Module({ providers: [FeedResolver] })
export class FeedModule {}
