import type { Range } from '@coop/domain';

/** Idempotency keys are at most 100 characters. */
export const IDEMPOTENCY_KEY_LIMITS: Range = { min: 1, max: 100 };
