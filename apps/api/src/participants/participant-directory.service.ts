import { participantAggregate, type Participant } from '@coop/domain';
import { ReadModel } from '@coop/read-model';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { AuthenticatedContext } from '../auth/current-viewer.decorator.js';
import { ViewerDirectory } from '../auth/viewer-directory.js';
import { ROOT_LOGGER } from '../config/config.module.js';
import { ItemCommandsService } from '../items/item-commands.service.js';

/** What the directory records of a participant, as one comparable string. */
const profileOf = (viewer: Participant): string =>
  JSON.stringify([viewer.name, viewer.country, [...viewer.roles].sort()]);

/**
 * Records each participant in the directory on their first request with a
 * valid token, and again when their token says otherwise. Every request pays
 * one map lookup: this process remembers what it recorded or found recorded.
 * Concurrent first requests of one participant share one recording; across
 * processes, the participant's stream decides (it records nothing that is
 * already so, and a lost race is decided again).
 */
@Injectable()
export class ParticipantDirectory extends ViewerDirectory {
  private readonly recorded = new Map<string, { readonly profile: string; readonly done: Promise<void> }>();
  private readonly logger: Logger;

  constructor(
    private readonly commands: ItemCommandsService,
    private readonly readModel: ReadModel,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    super();
    this.logger = logger.child({ component: 'participant-directory' });
  }

  seen(context: AuthenticatedContext): Promise<void> {
    const { viewer } = context;
    const profile = profileOf(viewer);
    const known = this.recorded.get(viewer.id);
    if (known?.profile === profile) return known.done;
    // After any recording still under way for an older token, so the newest token is recorded last.
    const done: Promise<void> = (known?.done ?? Promise.resolve())
      .then(() => this.record(context, profile))
      .catch((error: unknown) => {
        this.logger.warn({ err: error, participantId: viewer.id }, 'could not record a participant; will try again');
        if (this.recorded.get(viewer.id)?.done === done) this.recorded.delete(viewer.id);
      });
    this.recorded.set(viewer.id, { profile, done });
    return done;
  }

  private async record(context: AuthenticatedContext, profile: string): Promise<void> {
    const { viewer } = context;
    const stored = this.readModel.participantsById([viewer.id]).get(viewer.id);
    if (stored !== undefined && profileOf(stored) === profile) return;
    await this.commands.execute(context, participantAggregate, {
      command: { type: 'RecordParticipant', participantId: viewer.id },
    });
  }
}
