import { createLocalJWKSet, exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWK, type CryptoKey } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/in-process-server.js";

const CLIENT_ID = "3f0c1e7a-1111-4222-8333-444455556666";
const TENANT = "7d3f7a52-aaaa-4bbb-8ccc-ddddeeeeffff";
const OTHER_TENANT = "0e1d2c3b-9999-4888-8777-666655554444";
const USER = "5b8e0a11-1234-4567-89ab-cdef01234567";
const ADMIN = "a0a0a0a0-1234-4567-89ab-cdef01234567";
const DOMAIN = "peer.example.com";

let server: TestServer;
let signingKey: CryptoKey;
let strangerKey: CryptoKey;
let publicJwk: JWK;
let publicPem: string;

interface TokenOverrides {
  tid?: string;
  oid?: string;
  iss?: string;
  aud?: string;
  expiresIn?: string | number;
  /** Seconds since the epoch before which the token is not valid. */
  notBefore?: number;
  key?: CryptoKey;
  kid?: string;
  /** Claims to add, or (undefined) to leave out, e.g. `{ scp: undefined, roles: ["Admin"] }`. */
  claims?: Record<string, unknown>;
}

async function token(overrides: TokenOverrides = {}): Promise<string> {
  const tid = overrides.tid ?? TENANT;
  const claims: Record<string, unknown> = {
    tid,
    oid: overrides.oid ?? USER,
    name: "Test Person",
    scp: "access_as_user",
    ...overrides.claims,
  };
  for (const [name, value] of Object.entries(claims)) if (value === undefined) delete claims[name];
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: "RS256", kid: overrides.kid ?? "test-key" })
    .setIssuer(overrides.iss ?? `https://login.microsoftonline.com/${tid}/v2.0`)
    .setAudience(overrides.aud ?? CLIENT_ID)
    .setIssuedAt()
    .setExpirationTime(overrides.expiresIn ?? "1h");
  if (overrides.notBefore !== undefined) jwt.setNotBefore(overrides.notBefore);
  return jwt.sign(overrides.key ?? signingKey);
}

/**
 * The key-confusion attack: a token that names HS256 and is "signed" with the RSA public key as the
 * HMAC secret. A verifier that lets the token choose its algorithm would check it with that same
 * public key and accept it.
 */
async function hmacWithPublicKey(secret: string): Promise<string> {
  return new SignJWT({ tid: TENANT, oid: ADMIN, name: "Test Person", scp: "access_as_user" })
    .setProtectedHeader({ alg: "HS256", kid: "test-key", typ: "JWT" })
    .setIssuer(`https://login.microsoftonline.com/${TENANT}/v2.0`)
    .setAudience(CLIENT_ID)
    .setIssuedAt()
    .setExpirationTime("1h")
    .sign(new TextEncoder().encode(secret));
}

function unsignedToken(): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  return `${encode({ alg: "none", typ: "JWT" })}.${encode({ tid: TENANT, oid: USER, scp: "access_as_user", iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, aud: CLIENT_ID, exp: now + 3600 })}.`;
}

async function call(path: string, bearer?: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.url}${path}`, { ...init, headers: { ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}), ...init.headers } });
}

beforeAll(async () => {
  const pair = await generateKeyPair("RS256", { extractable: true });
  signingKey = pair.privateKey;
  strangerKey = (await generateKeyPair("RS256")).privateKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: "test-key", alg: "RS256" };
  publicPem = await exportSPKI(pair.publicKey);
  server = await startTestServer(
    {
      AUTH_MODE: "entra",
      AAD_APP_CLIENT_ID: CLIENT_ID,
      TAB_ENDPOINT: `https://${DOMAIN}`,
      ALLOWED_TENANTS: `${TENANT},${OTHER_TENANT}`,
      PROGRAM_ADMINS: ADMIN,
    },
    createLocalJWKSet({ keys: [publicJwk] }),
  );
});

afterAll(async () => server?.stop());

describe("Teams SSO token validation", () => {
  it("accepts a valid token and takes tenant and user from it", async () => {
    const response = await call("/api/me", await token());
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ tenantId: TENANT, userId: USER, roles: ["member"], authMode: "entra" });
  });

  it("accepts the v1 issuer and the api:// audience", async () => {
    const v1 = await token({ iss: `https://sts.windows.net/${TENANT}/`, aud: `api://${DOMAIN}/${CLIENT_ID}` });
    expect((await call("/api/me", v1)).status).toBe(200);
  });

  const rejected: [string, () => Promise<string | undefined>][] = [
    ["a missing token", async () => undefined],
    ["a malformed token", async () => "not.a.jwt"],
    ["an expired token", () => token({ expiresIn: Math.floor(Date.now() / 1000) - 600 })],
    ["a token for another audience", () => token({ aud: "api://elsewhere.example.com/another-app" })],
    ["a token from another issuer", () => token({ iss: "https://evil.example.com/v2.0" })],
    ["a token whose issuer names another tenant", () => token({ iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` })],
    ["a token with a bad signature", () => token({ key: strangerKey })],
    ["a token with alg none", async () => unsignedToken()],
    ["a token for a tenant that is not allowed", () => token({ tid: "99999999-9999-4999-8999-999999999999" })],
    // The verifier allows 60 s of clock skew; ten minutes early is well beyond it.
    ["a token that is not valid yet", () => token({ notBefore: Math.floor(Date.now() / 1000) + 600 })],
    ["an HS256 token keyed with the public key's PEM", () => hmacWithPublicKey(publicPem)],
    ["an HS256 token keyed with the public key's JWK", () => hmacWithPublicKey(JSON.stringify(publicJwk))],
    ["a token signed by a key whose id is not in the key set", () => token({ key: strangerKey, kid: "rotated-out-key" })],
    // Only a delegated user token with this API's access_as_user scope calls the API (issue #13, point 6).
    [
      "an app-only token (idtyp app, roles, no scp)",
      () => token({ oid: ADMIN, claims: { idtyp: "app", scp: undefined, roles: ["Admin"] } }),
    ],
    ["a roles-only token", () => token({ claims: { scp: undefined, roles: ["access_as_user"] } })],
    ["a token with no scp", () => token({ claims: { scp: undefined } })],
    ["a token whose scp lacks access_as_user", () => token({ claims: { scp: "User.Read openid" } })],
    ["an ID token (client id audience, nonce, no scp)", () => token({ claims: { scp: undefined, nonce: "n-0S6_WzA2Mj" } })],
  ];

  it("accepts a token whose not-before lies within the allowed clock skew", async () => {
    // The counterpart of the "not valid yet" case below: only the size of the skew differs.
    const response = await call("/api/me", await token({ notBefore: Math.floor(Date.now() / 1000) + 20 }));
    expect(response.status).toBe(200);
  });

  it.each(rejected)("answers 401 to %s", async (_label, makeToken) => {
    const response = await call("/api/me", await makeToken());
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "unauthenticated", message: expect.any(String) });
  });

  it("refuses a token whose signature was tampered with", async () => {
    const valid = await token();
    const [header, payload, signature] = valid.split(".");
    const forged = JSON.parse(Buffer.from(payload!, "base64url").toString()) as Record<string, unknown>;
    forged.oid = ADMIN;
    const tampered = `${header}.${Buffer.from(JSON.stringify(forged)).toString("base64url")}.${signature}`;
    expect((await call("/api/admin/roles", tampered)).status).toBe(401);
  });
});

describe("roles", () => {
  it("answers 403 when a member calls an admin route", async () => {
    const response = await call("/api/admin/roles", await token());
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: "forbidden" });
  });

  it("lets a configured admin grant a role, which takes effect at once", async () => {
    const admin = await token({ oid: ADMIN });
    expect((await call("/api/admin/roles", admin)).status).toBe(200);
    const grant = await call(`/api/admin/roles/${USER}`, admin, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ roles: ["supporter"] }),
    });
    expect(grant.status).toBe(200);
    expect(await (await call("/api/me", await token())).json()).toMatchObject({ roles: ["member", "supporter"] });
  });

  it("keeps role grants inside their tenant", async () => {
    const response = await call("/api/me", await token({ tid: OTHER_TENANT }));
    expect(await response.json()).toMatchObject({ tenantId: OTHER_TENANT, roles: ["member"] });
  });

  it("never takes identity from the request body", async () => {
    const response = await call("/api/me/preferences", await token(), {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ tenantId: OTHER_TENANT, userId: ADMIN }),
    });
    expect(response.status).toBe(400);
  });
});
