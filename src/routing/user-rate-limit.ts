import { AppError } from '../errors/app-error.js';
import type { Turn } from './turn.js';

/**
 * A token bucket per user for expensive work (policy answers, summaries): `perMinute` requests
 * in a burst, refilled evenly over the minute. Kept in memory per instance: with n instances a
 * user gets at most n times the rate, which is still bounded, and costs no store round trip.
 */
export class UserRateLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** True when the user may go ahead (and uses one token). */
  take(user: string): boolean {
    if (this.perMinute <= 0) return true;
    const now = this.clock();
    const bucket = this.buckets.get(user) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + ((now - bucket.at) / 60_000) * this.perMinute);
    bucket.at = now;
    if (this.buckets.size > 10_000) this.forgetFull(now);
    this.buckets.set(user, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Throws `rate_limited` (429) when the turn's user has used up the bucket. */
  check(turn: Pick<Turn, 'tenantId' | 'user'>): void {
    const user = `${turn.tenantId ?? ''}|${turn.user.aadObjectId ?? turn.user.id}`;
    if (!this.take(user)) throw new AppError('rate_limited', { status: 429, detail: 'expensive requests per minute exceeded' });
  }

  private forgetFull(now: number): void {
    for (const [user, b] of this.buckets) if (b.tokens + ((now - b.at) / 60_000) * this.perMinute >= this.perMinute) this.buckets.delete(user);
  }
}
