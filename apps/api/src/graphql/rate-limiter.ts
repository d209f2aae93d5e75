import type { Participant } from '@coop/domain';

export interface RateLimitDecision {
  readonly allowed: boolean;
  /** Seconds until one more request would be allowed; 0 when allowed. */
  readonly retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Buckets idle this long are full again and can be forgotten, which keeps memory bounded by active keys. */
const SWEEP_EVERY = 10_000;

/** Whose budget a request spends: its viewer's, or its address's when it carries no valid token. */
export function rateLimitKey(viewer: Participant | null, clientAddress: string): string {
  return viewer ? `viewer:${viewer.id}` : `address:${clientAddress}`;
}

/**
 * A token bucket per key (viewer id, or client address when anonymous):
 * `perMinute` requests a minute on average, bursts up to the same number.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillPerMs: number;
  private takes = 0;
  private readonly now: () => number;
  private readonly onRefused: () => void;

  constructor(
    private readonly perMinute: number,
    options: { readonly now?: () => number; readonly onRefused?: () => void } = {},
  ) {
    this.refillPerMs = perMinute / 60_000;
    this.now = options.now ?? Date.now;
    this.onRefused = options.onRefused ?? (() => {});
  }

  /** Spends one request of `key`'s budget, if it has one left. */
  take(key: string): RateLimitDecision {
    const now = this.now();
    if (++this.takes % SWEEP_EVERY === 0) this.sweep(now);
    const bucket = this.refilled(key, now);
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterSeconds: 0 };
    }
    return this.refusal(bucket);
  }

  /** Whether `key` has a request left, without spending it. */
  peek(key: string): RateLimitDecision {
    const bucket = this.refilled(key, this.now());
    return bucket.tokens >= 1 ? { allowed: true, retryAfterSeconds: 0 } : this.refusal(bucket);
  }

  private refilled(key: string, now: number): Bucket {
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, updatedAt: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs);
    bucket.updatedAt = now;
    return bucket;
  }

  private refusal(bucket: Bucket): RateLimitDecision {
    this.onRefused();
    return { allowed: false, retryAfterSeconds: Math.ceil((1 - bucket.tokens) / this.refillPerMs / 1000) };
  }

  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs >= this.perMinute) this.buckets.delete(key);
    }
  }
}
