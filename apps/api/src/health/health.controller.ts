import type { EventStore } from '@coop/event-store';
import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE } from '../store/event-store.module.js';
import { ProjectionHealth } from '../projection/projection-health.js';

@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projection: ProjectionHealth,
  ) {}

  @Get('live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready when the store answers and the read model is close enough to the log to serve reads. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<Record<string, unknown>> {
    let store: 'up' | 'down' = 'up';
    try {
      await this.store.ping();
    } catch {
      store = 'down';
    }
    const projector = await this.projection.status();
    const ready = store === 'up' && projector.ready;
    reply.status(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not ready', store, projector };
  }
}
