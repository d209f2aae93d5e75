import { Module } from '@nestjs/common';
import { CooperationReportResolver } from './cooperation-report.resolver.js';

@Module({ providers: [CooperationReportResolver] })
export class ReportsModule {}
