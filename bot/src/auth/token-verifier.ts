import { createRemoteJWKSet, decodeJwt, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
import { AppError } from "../../../shared/index.js";
import { serverMessage } from "../http/server-messages.js";

/** The identity a validated Teams SSO token proves. */
export interface VerifiedToken {
  tenantId: string;
  userId: string;
  displayName?: string;
  /** `preferred_username` (v2) or `upn` (v1): the person's sign-in name, usually their work email. */
  signInName?: string;
}

export interface TokenVerifierOptions {
  audiences: string[];
  /** Empty means every tenant may sign in. */
  allowedTenants: string[];
  keys: JWTVerifyGetKey;
  clockToleranceSeconds?: number;
  /**
   * The clock, in milliseconds since the epoch, that every expiry check reads: the token's own
   * `exp` and `nbf` (with the tolerance above) and when a remembered token is forgotten.
   * Defaults to `Date.now`; tests inject one so they never wait for a token to expire.
   */
  now?: () => number;
}

/** Tokens remembered after a successful check; bounded so a flood of distinct tokens cannot grow it. */
const MAX_REMEMBERED_TOKENS = 10_000;

export type TokenVerifier = (token: string) => Promise<VerifiedToken>;

const ENTRA_JWKS_URL = "https://login.microsoftonline.com/common/discovery/v2.0/keys";

/** The Entra ID signing keys, fetched and cached by jose. */
export function entraSigningKeys(): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(ENTRA_JWKS_URL), { cooldownDuration: 30_000, cacheMaxAge: 3_600_000 });
}

/** Both issuer forms Entra uses for a tenant: v2.0 and the v1 `sts.windows.net` one. */
export function issuersFor(tenantId: string): string[] {
  return [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
}

/** The scope the tab asks Teams SSO for (aad.manifest.json); a token without it was not issued for calling this API. */
export const API_SCOPE = "access_as_user";

/** Claims only an ID token carries: it proves a sign-in to the tab, it does not authorise calls. */
const ID_TOKEN_CLAIMS = ["nonce", "at_hash", "c_hash"] as const;

/**
 * A person calling through the tab: a delegated token (never app-only, whose `roles` speak for an
 * application, not a person) with this API's scope in its space-separated `scp`, and no ID-token claims.
 */
function isDelegatedApiToken(payload: JWTPayload): boolean {
  if (payload.idtyp !== undefined && payload.idtyp !== "user") return false;
  if (ID_TOKEN_CLAIMS.some((claim) => payload[claim] !== undefined)) return false;
  return typeof payload.scp === "string" && payload.scp.split(" ").includes(API_SCOPE);
}

const unauthenticated = (cause?: unknown) => new AppError("unauthenticated", serverMessage("signInUnverified"), { cause });

/**
 * Validates a Teams SSO token: RS256 signature against the Entra keys, the tenant's issuer,
 * this app's audience, expiry with a small clock skew, the optional tenant allow-list, and that it
 * is a delegated user token with the `access_as_user` scope.
 * Tenant and user are taken from the verified claims and nowhere else.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const clockTolerance = options.clockToleranceSeconds ?? 60;
  const now = options.now ?? Date.now;
  // A tab reuses one token for many calls (a facilitator's clicks, every panel's reads). Checking
  // the RS256 signature once per token, not once per call, keeps busy moments cheap. The whole
  // token, signature included, is the key, and it is forgotten when the token expires.
  const remembered = new Map<string, { identity: VerifiedToken; expiresAtMs: number }>();
  const verify = verifyOnce(options, clockTolerance, now);
  return async (token) => {
    const known = remembered.get(token);
    if (known && known.expiresAtMs > now()) return known.identity;
    if (known) remembered.delete(token);
    const { identity, expiresAtMs } = await verify(token);
    if (remembered.size >= MAX_REMEMBERED_TOKENS) remembered.delete(remembered.keys().next().value!);
    remembered.set(token, { identity, expiresAtMs });
    return identity;
  };
}

function verifyOnce(options: TokenVerifierOptions, clockTolerance: number, now: () => number) {
  return async (token: string): Promise<{ identity: VerifiedToken; expiresAtMs: number }> => {
    let claimedTenant: unknown;
    try {
      claimedTenant = decodeJwt(token).tid;
    } catch (error) {
      throw unauthenticated(error);
    }
    if (typeof claimedTenant !== "string" || claimedTenant.length === 0) throw unauthenticated();
    if (options.allowedTenants.length > 0 && !options.allowedTenants.includes(claimedTenant)) throw unauthenticated();
    try {
      const { payload } = await jwtVerify(token, options.keys, {
        algorithms: ["RS256"],
        audience: options.audiences,
        issuer: issuersFor(claimedTenant),
        clockTolerance,
        currentDate: new Date(now()),
        requiredClaims: ["exp", "tid", "oid"],
      });
      if (typeof payload.oid !== "string" || payload.oid.length === 0) throw unauthenticated();
      if (!isDelegatedApiToken(payload)) throw unauthenticated();
      const displayName = typeof payload.name === "string" ? payload.name : undefined;
      const signInName = [payload.preferred_username, payload.upn].find(
        (claim): claim is string => typeof claim === "string" && claim.length <= 256,
      );
      return {
        identity: {
          tenantId: claimedTenant,
          userId: payload.oid,
          ...(displayName ? { displayName } : {}),
          ...(signInName ? { signInName: signInName.toLowerCase() } : {}),
        },
        expiresAtMs: payload.exp! * 1000,
      };
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (error instanceof joseErrors.JOSEError || error instanceof TypeError) throw unauthenticated(error);
      throw error;
    }
  };
}
