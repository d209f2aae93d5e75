import { Module } from '@nestjs/common';
import { AuditExportController } from './audit-export.controller.js';
import { AuditResolver, ItemHistoryResolver } from './audit.resolver.js';

@Module({ controllers: [AuditExportController], providers: [AuditResolver, ItemHistoryResolver] })
export class AuditModule {}
