import { Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module.js';
import { ProposalResolver } from './proposal.resolver.js';

@Module({ imports: [ItemsModule], providers: [ProposalResolver] })
export class ProposalsModule {}
