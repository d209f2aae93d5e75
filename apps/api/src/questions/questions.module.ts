import { Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module.js';
import { QuestionResolver } from './question.resolver.js';

@Module({ imports: [ItemsModule], providers: [QuestionResolver] })
export class QuestionsModule {}
