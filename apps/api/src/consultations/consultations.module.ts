import { Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module.js';
import { ConsultationResolver } from './consultation.resolver.js';

@Module({ imports: [ItemsModule], providers: [ConsultationResolver] })
export class ConsultationsModule {}
