import type { Range } from '@coop/domain';

/** DESIGN section 6: idempotency keys are at most 100 characters. */
export const IDEMPOTENCY_KEY_LIMITS: Range = { min: 1, max: 100 };
