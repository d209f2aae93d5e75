import { Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module.js';
import { CountryProfileHistoryResolver, CountryProfileResolver } from './country-profile.resolver.js';

@Module({ imports: [ItemsModule], providers: [CountryProfileResolver, CountryProfileHistoryResolver] })
export class CountryProfilesModule {}
