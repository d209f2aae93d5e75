import type { Participant } from '@coop/domain';
import { Controller, Get, HttpCode, Inject, NotFoundException, Param, Post } from '@nestjs/common';
import { signToken } from '../auth/token-signer.js';
import { DEMO_PARTICIPANTS } from './demo-participants.js';

/** The HS256 secret the development sign-in mints tokens with. */
export const DEMO_SIGNING_SECRET = Symbol('DEMO_SIGNING_SECRET');

/**
 * One-click sign-in for the web console in development: lists the demo
 * participants and mints a token for one of them. Only mounted outside
 * production (see `DemoSignInModule`), so in production these paths are 404.
 */
@Controller('dev/participants')
export class DemoSignInController {
  constructor(@Inject(DEMO_SIGNING_SECRET) private readonly secret: Uint8Array) {}

  @Get()
  list(): { participants: readonly Participant[] } {
    return { participants: DEMO_PARTICIPANTS };
  }

  @Post(':id/token')
  @HttpCode(200)
  async token(@Param('id') id: string): Promise<{ token: string }> {
    const participant = DEMO_PARTICIPANTS.find((candidate) => candidate.id === id);
    if (participant === undefined) throw new NotFoundException(`No demo participant ${id}`);
    return { token: await signToken(this.secret, participant) };
  }
}
