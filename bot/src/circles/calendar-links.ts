import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { DocumentStore } from "../storage/document-store.js";
import { ConflictError } from "../storage/store-errors.js";

const SECRET_ID = "calendar-link-secret";
export const CALENDAR_LINK_DAYS = 30;

export interface CalendarLinkClaims {
  tenantId: string;
  circleId: string;
  userId: string;
  expiresAt: number;
}

/**
 * Signed links to a circle's .ics, for the bot's card: a calendar app opens them without a Teams
 * sign-in. Each names one person and expires; the server still checks that person is in the circle.
 * The key is per tenant, kept in the store, so links survive restarts and every instance agrees.
 */
export class CalendarLinks {
  constructor(
    private readonly store: DocumentStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async sign(tenantId: string, circleId: string, userId: string): Promise<string> {
    const claims: CalendarLinkClaims = { tenantId, circleId, userId, expiresAt: this.now().getTime() + CALENDAR_LINK_DAYS * 86_400_000 };
    const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
    return `${payload}.${await this.mac(tenantId, payload)}`;
  }

  /** The claims of a valid, unexpired link; undefined for anything else, without saying why. */
  async verify(token: string): Promise<CalendarLinkClaims | undefined> {
    const [payload, mac, extra] = token.split(".");
    if (!payload || !mac || extra !== undefined || payload.length > 1000) return undefined;
    let claims: CalendarLinkClaims;
    try {
      claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as CalendarLinkClaims;
    } catch {
      return undefined;
    }
    if (typeof claims?.tenantId !== "string" || !/^[0-9a-f-]{1,64}$/i.test(claims.tenantId)) return undefined;
    // Only a tenant that already has a key can have signed links; nobody else's guess creates one.
    const secret = await this.existingSecret(claims.tenantId);
    if (!secret) return undefined;
    const expected = Buffer.from(macWith(secret, payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    if (typeof claims.expiresAt !== "number" || claims.expiresAt < this.now().getTime()) return undefined;
    return claims;
  }

  private async mac(tenantId: string, payload: string): Promise<string> {
    return macWith(await this.secret(tenantId), payload);
  }

  private async existingSecret(tenantId: string): Promise<string | undefined> {
    return (await this.store.get<{ secret: string }>("settings", tenantId, SECRET_ID))?.value.secret;
  }

  private async secret(tenantId: string): Promise<string> {
    const existing = await this.existingSecret(tenantId);
    if (existing) return existing;
    try {
      await this.store.create("settings", tenantId, SECRET_ID, {
        kind: "calendarLinkSecret",
        secret: randomBytes(32).toString("base64url"),
      });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
    return (await this.store.get<{ secret: string }>("settings", tenantId, SECRET_ID))!.value.secret;
  }
}

function macWith(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}
