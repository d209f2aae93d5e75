import { Projector } from '@coop/read-model';
import { Injectable } from '@nestjs/common';

/** Reads stay useful while the read model trails the log by less than this. */
const MAX_READY_LAG_SECONDS = 10;

export interface ProjectionStatus {
  readonly ready: boolean;
  readonly status: string;
  readonly position: string | null;
  readonly caughtUp: boolean;
  readonly lagSeconds: number | null;
}

@Injectable()
export class ProjectionHealth {
  constructor(private readonly projector: Projector) {}

  async status(): Promise<ProjectionStatus> {
    const { status, position } = this.projector;
    try {
      const lag = await this.projector.lag();
      return {
        ready: status === 'running' && lag.seconds <= MAX_READY_LAG_SECONDS,
        status,
        position,
        caughtUp: lag.caughtUp,
        lagSeconds: lag.seconds,
      };
    } catch {
      return { ready: false, status, position, caughtUp: false, lagSeconds: null };
    }
  }
}
