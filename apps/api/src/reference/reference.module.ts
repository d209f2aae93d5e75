import { Module } from '@nestjs/common';
import { CountryResolver, ReferenceResolver } from './reference.resolver.js';

@Module({ providers: [ReferenceResolver, CountryResolver] })
export class ReferenceModule {}
