import { InputValidator, type Participant as Viewer, requireSecretariat } from '@coop/domain';
import { ReadModel } from '@coop/read-model';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../auth/current-viewer.decorator.js';
import { DateTimeScalar } from '../graphql/date-time.scalar.js';
import { cooperationReportModel } from './cooperation-report.mapper.js';
import { CooperationReport } from './cooperation-report.types.js';

@Resolver()
export class CooperationReportResolver {
  constructor(private readonly readModel: ReadModel) {}

  @Query(() => CooperationReport, {
    description:
      'SECRETARIAT only. Activity, cooperation between countries, and institutional outcomes in the interval.',
  })
  cooperationReport(
    @CurrentViewer() viewer: Viewer,
    @Args('from', { type: () => DateTimeScalar }) from: Date,
    @Args('to', { type: () => DateTimeScalar }) to: Date,
  ): CooperationReport {
    requireSecretariat(viewer, 'read the cooperation report');
    const input = new InputValidator();
    if (to.getTime() < from.getTime()) input.reject('to', 'must not be before from');
    input.throwIfInvalid();
    return cooperationReportModel(this.readModel.cooperationReport(from, to));
  }
}
