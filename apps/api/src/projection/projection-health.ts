import { type CatchUpProgress, Projector } from '@coop/read-model';
import { Injectable } from '@nestjs/common';

/** Reads stay useful while the read model trails the log by less than this. */
const MAX_READY_LAG_SECONDS = 10;

export interface ProjectionStatus {
  readonly ready: boolean;
  readonly status: string;
  readonly position: string | null;
  readonly caughtUp: boolean;
  readonly lagSeconds: number | null;
  /** Until it is done the service is not ready, whatever the lag: the read model lacks part of the log. */
  readonly catchUp: CatchUpProgress & { readonly percent: number | null };
}

@Injectable()
export class ProjectionHealth {
  constructor(private readonly projector: Projector) {}

  async status(): Promise<ProjectionStatus> {
    const { status, position, catchUp } = this.projector;
    try {
      const lag = await this.projector.lag();
      return {
        ready: status === 'running' && catchUp.done && lag.seconds <= MAX_READY_LAG_SECONDS,
        status,
        position,
        caughtUp: lag.caughtUp,
        lagSeconds: lag.seconds,
        catchUp: { ...catchUp, percent: lag.percent },
      };
    } catch {
      const unknown = { ...catchUp, percent: null };
      return { ready: false, status, position, caughtUp: false, lagSeconds: null, catchUp: unknown };
    }
  }
}
