import { createHash } from "node:crypto";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { z } from "zod";
import { AppError } from "../../../shared/app-error.js";
import { callerOf } from "../auth/with-client-auth.js";
import type { Logger } from "../logger.js";
import { collection } from "../storage/collection.js";
import type { DocumentStore } from "../storage/document-store.js";
import { ConflictError } from "../storage/store-errors.js";
import { serverMessage } from "./server-messages.js";
import { UserRateLimiter } from "./user-rate-limiter.js";

const WINDOW_MS = 60_000;
const MAX_WRITE_ATTEMPTS = 10;
/** A window's counter outlives the window a little, then goes. */
const WINDOW_TTL_SECONDS = 180;
/** Each claim takes this share of the minute's budget: fewer store calls, a small bound on error. */
const CHUNKS_PER_WINDOW = 50;
const SWEEP_EVERY = 1_000;
/** After the store failed a claim, everyone is counted locally for this long before it is asked again. */
const STORE_PAUSE_MS = 5_000;

interface RateWindowDocument {
  kind: "rateWindow";
  /** Calls handed out to instances in this minute, all instances together. */
  granted: number;
}

const windowSchema: z.ZodType<RateWindowDocument> = z.looseObject({ kind: z.literal("rateWindow"), granted: z.number() });

interface LocalWindow {
  window: number;
  granted: number;
  used: number;
  /** Refused without asking the store until then (epoch ms). */
  exhaustedUntil: number;
  /** What the previous minute handed out, once read: it no longer changes. */
  previous?: number;
  claiming?: Promise<void> | undefined;
}

/**
 * `RATE_LIMIT_PER_MINUTE` across every instance: a shared counter per person and minute in the
 * store, taken in chunks of a fiftieth of the budget by ETag-conditional writes. An instance uses
 * its chunk locally and claims the next when it runs out, so the store sees one read and one write
 * per chunk, not per call. Nobody ever gets more than the limit in a minute; at worst each other
 * instance holds an unused part of a chunk, so a person may be refused up to (instances − 1) × chunk
 * calls early (for 300 a minute over three instances, 12 calls: 4%). If the store cannot be
 * reached, each instance falls back to counting alone rather than refusing everyone.
 */
export class SharedRateLimiter {
  private readonly windows;
  private readonly local = new Map<string, LocalWindow>();
  private readonly fallback: UserRateLimiter;
  private readonly chunk: number;
  private callsSinceSweep = 0;
  /** Until then the store is not asked: a slow or absent store must not add its deadline to every call. */
  private storeDownUntil = 0;

  constructor(
    store: DocumentStore,
    private readonly perMinute: number,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.windows = collection(store, "settings", "rateWindow", windowSchema);
    this.fallback = new UserRateLimiter(perMinute, now);
    this.chunk = Math.max(1, Math.floor(perMinute / CHUNKS_PER_WINDOW));
  }

  /** Takes one call from the person's minute; resolves to 0 if allowed, or the seconds until the next minute. */
  async take(tenantId: string, userId: string): Promise<number> {
    const at = this.now();
    const window = Math.floor(at / WINDOW_MS);
    this.sweep(window);
    const key = `${tenantId}\u0000${userId}`;
    let local = this.local.get(key);
    if (!local || local.window !== window) {
      local = { window, granted: 0, used: 0, exhaustedUntil: 0 };
      this.local.set(key, local);
    }
    for (;;) {
      if (this.storeDownUntil > this.now()) return this.fallback.take(tenantId, userId);
      if (local.used < local.granted) {
        local.used++;
        return 0;
      }
      if (local.exhaustedUntil > this.now()) return Math.max(1, (local.exhaustedUntil - this.now()) / 1000);
      if (local.claiming) {
        await local.claiming;
        continue;
      }
      const claim = this.claim(tenantId, userId, local);
      local.claiming = claim.finally(() => (local.claiming = undefined));
      try {
        await claim;
      } catch (error) {
        this.storeDownUntil = this.now() + STORE_PAUSE_MS;
        this.logger.warn({ event: "http.rate_limit_store_failed", errorName: (error as Error).name }, "rate limit counted locally");
        return this.fallback.take(tenantId, userId);
      }
    }
  }

  /** Express middleware; it runs after authentication, so the caller is known and proven. */
  middleware(): RequestHandler {
    return async (_request: Request, response: Response, next: NextFunction) => {
      const caller = callerOf(response);
      const waitSeconds = await this.take(caller.tenantId, caller.userId);
      if (waitSeconds > 0) throw new AppError("rate_limited", serverMessage("rateLimited"), { retryAfterSeconds: waitSeconds });
      next();
    };
  }

  /**
   * A sliding minute, as two fixed ones: the previous minute's calls count in proportion to how
   * much of it still lies within the last sixty seconds, so a burst at the turn of a minute does
   * not double the allowance.
   */
  private async claim(tenantId: string, userId: string, local: LocalWindow): Promise<void> {
    const person = createHash("sha256").update(userId).digest("hex").slice(0, 40);
    const id = `rate-${person}-${local.window}`;
    for (let attempt = 1; ; attempt++) {
      const [stored, previous] = await Promise.all([
        this.windows.get(tenantId, id),
        local.previous ?? this.windows.get(tenantId, `rate-${person}-${local.window - 1}`).then((found) => found?.value.granted ?? 0),
      ]);
      local.previous = previous;
      const granted = stored?.value.granted ?? 0;
      const at = this.now();
      const elapsed = at - local.window * WINDOW_MS;
      const carried = previous * (1 - elapsed / WINDOW_MS);
      const take = Math.min(this.chunk, Math.floor(this.perMinute - carried - granted));
      if (take <= 0) {
        // When the previous minute's share will have faded enough for one more call, or the minute ends.
        const fadesAt = previous > 0 ? (1 - (this.perMinute - 1 - granted) / previous) * WINDOW_MS : WINDOW_MS;
        local.exhaustedUntil = local.window * WINDOW_MS + Math.min(WINDOW_MS, Math.max(elapsed + 1000, fadesAt));
        return;
      }
      const value: RateWindowDocument = { kind: "rateWindow", granted: granted + take };
      try {
        if (stored) await this.windows.replace(tenantId, id, value, { ifMatch: stored.etag, ttlSeconds: WINDOW_TTL_SECONDS });
        else await this.windows.create(tenantId, id, value, { ttlSeconds: WINDOW_TTL_SECONDS });
        local.granted += take;
        return;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= MAX_WRITE_ATTEMPTS) throw error;
      }
    }
  }

  private sweep(window: number): void {
    if (++this.callsSinceSweep < SWEEP_EVERY) return;
    this.callsSinceSweep = 0;
    for (const [key, local] of this.local) if (local.window < window) this.local.delete(key);
  }
}
