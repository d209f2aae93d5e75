import { Module } from '@nestjs/common';
import { AuditResolver, ItemHistoryResolver } from './audit.resolver.js';

@Module({ providers: [AuditResolver, ItemHistoryResolver] })
export class AuditModule {}
