import { Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module.js';
import { PracticeResolver } from './practice.resolver.js';

@Module({ imports: [ItemsModule], providers: [PracticeResolver] })
export class PracticesModule {}
