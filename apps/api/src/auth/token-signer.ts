import type { Participant } from '@coop/domain';
import { SignJWT } from 'jose';

/** Mints development tokens with the configured HS256 secret (`npm run token`, tests, demo data). */
export async function signToken(secret: Uint8Array, participant: Participant, expiresIn = '12h'): Promise<string> {
  return new SignJWT({
    name: participant.name,
    roles: [...participant.roles],
    ...(participant.country ? { country: participant.country } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(participant.id)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(secret);
}
