import type { NextFunction, Request, RequestHandler, Response } from "express";
import { AppError } from "../../../shared/app-error.js";
import { callerOf } from "../auth/with-client-auth.js";
import { serverMessage } from "./server-messages.js";

const WINDOW_MS = 60_000;
/** Buckets idle this long are full again anyway, so they are dropped to keep memory flat. */
const IDLE_MS = 2 * WINDOW_MS;
const SWEEP_EVERY = 1_000;

interface Bucket {
  tokens: number;
  refilledAt: number;
}

/**
 * A token bucket per signed-in person (tenant and user from the verified token): `perMinute` calls
 * spread over a minute, with a burst of the same size. One instance per server, never module state.
 */
export class UserRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private callsSinceSweep = 0;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one call from the person's bucket; returns 0 if allowed, or the seconds until one is. */
  take(tenantId: string, userId: string): number {
    const at = this.now();
    this.sweep(at);
    const key = `${tenantId}\u0000${userId}`;
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, refilledAt: at };
    const refill = ((at - bucket.refilledAt) / WINDOW_MS) * this.perMinute;
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + refill);
    bucket.refilledAt = at;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return ((1 - bucket.tokens) / this.perMinute) * (WINDOW_MS / 1000);
  }

  /** Express middleware; it runs after authentication, so the caller is known and proven. */
  middleware(): RequestHandler {
    return (_request: Request, response: Response, next: NextFunction) => {
      const caller = callerOf(response);
      const waitSeconds = this.take(caller.tenantId, caller.userId);
      if (waitSeconds > 0)
        throw new AppError("rate_limited", serverMessage("rateLimited"), {
          retryAfterSeconds: waitSeconds,
        });
      next();
    };
  }

  private sweep(at: number): void {
    if (++this.callsSinceSweep < SWEEP_EVERY) return;
    this.callsSinceSweep = 0;
    for (const [key, bucket] of this.buckets) if (at - bucket.refilledAt > IDLE_MS) this.buckets.delete(key);
  }
}
