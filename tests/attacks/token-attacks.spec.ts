import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTPayload, type JWTVerifyGetKey, type CryptoKey } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { createTokenVerifier, type TokenVerifier } from "../../bot/src/auth/token-verifier.js";

/**
 * Issue #13, point 6: tokens Entra really issues that are not a person calling this API. The tab
 * may only be called with a delegated user token carrying this API's `access_as_user` scope.
 */
const CLIENT_ID = "3f0c1e7a-1111-4222-8333-444455556666";
const API_AUDIENCE = `api://peer.example.com/${CLIENT_ID}`;
const TENANT = "7d3f7a52-aaaa-4bbb-8ccc-ddddeeeeffff";
const OTHER_TENANT = "0e1d2c3b-9999-4888-8777-666655554444";
const USER = "5b8e0a11-1234-4567-89ab-cdef01234567";
const SERVICE_PRINCIPAL = "9c9c9c9c-1234-4567-89ab-cdef01234567";

let signingKey: CryptoKey;
let keys: JWTVerifyGetKey;
let verify: TokenVerifier;

/** A v2 delegated access token for this API, as Teams SSO returns it; `claims` change or drop (undefined) claims. */
async function token(claims: Record<string, unknown> = {}, options: { aud?: string; iss?: string; expiresIn?: string | number } = {}) {
  const payload: JWTPayload = { tid: TENANT, oid: USER, name: "Test Person", ver: "2.0", scp: "access_as_user", ...claims };
  for (const [name, value] of Object.entries(payload)) if (value === undefined) delete payload[name];
  const tid = typeof payload.tid === "string" ? payload.tid : TENANT;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: "RS256", kid: "attack-key", typ: "JWT" })
    .setIssuer(options.iss ?? `https://login.microsoftonline.com/${tid}/v2.0`)
    .setAudience(options.aud ?? CLIENT_ID)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? "1h")
    .sign(signingKey);
}

function unsigned(): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const exp = Math.floor(Date.now() / 1000) + 3600;
  const claims = {
    tid: TENANT,
    oid: USER,
    scp: "access_as_user",
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    aud: CLIENT_ID,
    exp,
  };
  return `${encode({ alg: "none", typ: "JWT" })}.${encode(claims)}.`;
}

beforeAll(async () => {
  const pair = await generateKeyPair("RS256");
  signingKey = pair.privateKey;
  keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: "attack-key", alg: "RS256" }] });
  verify = createTokenVerifier({ audiences: [CLIENT_ID, API_AUDIENCE], allowedTenants: [TENANT], keys });
});

describe("token attacks", () => {
  it.each([
    ["a v2 user token with access_as_user", () => token()],
    [
      "a v1 user token for the api:// audience",
      () => token({ ver: "1.0" }, { aud: API_AUDIENCE, iss: `https://sts.windows.net/${TENANT}/` }),
    ],
    ["a user token whose scopes include access_as_user among others", () => token({ scp: "openid profile access_as_user User.Read" })],
    ["a user token that says idtyp user", () => token({ idtyp: "user" })],
  ])("accepts %s (the control)", async (_label, make) => {
    await expect(verify(await make())).resolves.toMatchObject({ tenantId: TENANT, userId: USER });
  });

  const attacks: [string, () => Promise<string>][] = [
    // App-only (client credentials) tokens: another app in the tenant, acting as itself.
    [
      "an app-only token (idtyp app, roles, no scp)",
      () => token({ idtyp: "app", oid: SERVICE_PRINCIPAL, scp: undefined, roles: ["Admin"] }),
    ],
    ["an app-only token that also carries a scope claim", () => token({ idtyp: "app", oid: SERVICE_PRINCIPAL })],
    ["a roles-only token", () => token({ scp: undefined, roles: ["access_as_user"] })],
    ["a token with no scp", () => token({ scp: undefined })],
    ["a token whose scp lacks access_as_user", () => token({ scp: "User.Read openid profile" })],
    ["a token whose scp only contains access_as_user as part of a word", () => token({ scp: "not_access_as_user access_as_users" })],
    ["a token whose scp is a list, not a space-separated string", () => token({ scp: ["access_as_user"] })],
    ["an empty scp", () => token({ scp: "" })],
    // ID tokens: issued to the tab for sign-in, never meant to call an API.
    ["a v2 ID token (audience is the client id, nonce, no scp)", () => token({ scp: undefined, nonce: "n-0S6_WzA2Mj" })],
    ["an ID token shape that also carries a scope", () => token({ nonce: "n-0S6_WzA2Mj", at_hash: "77QmUPtjPfzWtF2AnpK9RQ" })],
    [
      "a v1 ID token (unique_name, nonce, no scp)",
      () => token({ ver: "1.0", scp: undefined, nonce: "abc", unique_name: "person@example.com" }),
    ],
    // The classics, kept here so the table is complete.
    ["a token for another audience", () => token({}, { aud: "api://elsewhere.example.com/another-app" })],
    ["a token from another issuer", () => token({}, { iss: "https://evil.example.com/v2.0" })],
    ["a token whose issuer names another tenant", () => token({}, { iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` })],
    ["a token for a tenant that is not allowed", () => token({ tid: OTHER_TENANT })],
    ["an expired token", () => token({}, { expiresIn: Math.floor(Date.now() / 1000) - 600 })],
    ["a token with alg none", async () => unsigned()],
  ];

  it.each(attacks)("refuses %s", async (_label, make) => {
    await expect(verify(await make())).rejects.toMatchObject({ code: "unauthenticated", userMessage: expect.any(String) });
  });
});
