import { randomUUID } from 'node:crypto';
import type { Actor } from '@coop/domain';
import { v5 as uuidv5 } from 'uuid';

/** Namespace of the deterministic ids derived from idempotency keys. */
const IDEMPOTENCY_NAMESPACE = '3f0c8a52-5d4e-4c1b-9d3e-6b1f2a7c9e10';

/**
 * A stable id for what an actor asked for under an idempotency key, so a
 * retried mutation names the same item, answer or comment as the first try;
 * a fresh random id without a key. Scoped to the actor: two participants
 * cannot collide by choosing one key.
 */
export function idFor(actor: Actor, purpose: string, idempotencyKey: string | null | undefined): string {
  return idempotencyKey
    ? uuidv5(`${actor.id}\u0000${purpose}\u0000${idempotencyKey}`, IDEMPOTENCY_NAMESPACE)
    : randomUUID();
}
