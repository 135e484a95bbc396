import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTVerifyGetKey, type CryptoKey } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { createTokenVerifier } from "./token-verifier.js";

const TENANT = "11111111-1111-4111-8111-111111111111";
const AUDIENCE = "22222222-2222-4222-8222-222222222222";
let privateKey: CryptoKey;
let keys: JWTVerifyGetKey;
let keyLookups = 0;

beforeAll(async () => {
  const pair = await generateKeyPair("RS256");
  privateKey = pair.privateKey;
  const local = createLocalJWKSet({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "RS256" }] });
  keys = (header, token) => {
    keyLookups++;
    return local(header, token);
  };
});

function sign(oid: string, expiresAtSeconds: number): Promise<string> {
  return new SignJWT({ tid: TENANT, oid, scp: "access_as_user" })
    .setProtectedHeader({ alg: "RS256", kid: "k1" })
    .setIssuer(`https://login.microsoftonline.com/${TENANT}/v2.0`)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(expiresAtSeconds)
    .sign(privateKey);
}

describe("token verifier clock and memory", () => {
  it("checks a token's signature once, then answers from memory with the same identity", async () => {
    const verify = createTokenVerifier({ audiences: [AUDIENCE], allowedTenants: [], keys });
    const token = await sign("user-a", Math.floor(Date.now() / 1000) + 3600);
    const before = keyLookups;
    const first = await verify(token);
    const second = await verify(token);
    expect(second).toEqual(first);
    expect(first).toEqual({ tenantId: TENANT, userId: "user-a" });
    expect(keyLookups - before).toBe(1);
  });

  it("forgets a remembered token once it expires by the injected clock, and then refuses it", async () => {
    let clock = Date.now();
    const verify = createTokenVerifier({ audiences: [AUDIENCE], allowedTenants: [], keys, clockToleranceSeconds: 0, now: () => clock });
    const expiresAt = Math.floor(clock / 1000) + 3600;
    const token = await sign("user-b", expiresAt);
    await expect(verify(token)).resolves.toMatchObject({ userId: "user-b" });
    clock = expiresAt * 1000 - 1;
    await expect(verify(token)).resolves.toMatchObject({ userId: "user-b" });
    clock = expiresAt * 1000 + 1;
    await expect(verify(token)).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("reads the injected clock for the token's own expiry, allowing the clock tolerance and no more", async () => {
    let clock = Date.now();
    const verify = createTokenVerifier({ audiences: [AUDIENCE], allowedTenants: [], keys, clockToleranceSeconds: 60, now: () => clock });
    const expiresAt = Math.floor(clock / 1000) + 3600;
    clock = (expiresAt + 59) * 1000;
    await expect(verify(await sign("user-d", expiresAt))).resolves.toMatchObject({ userId: "user-d" });
    clock = (expiresAt + 61) * 1000;
    await expect(verify(await sign("user-e", expiresAt))).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("refuses, by the injected clock, a token that the wall clock would still accept", async () => {
    const wallNow = Date.now();
    const verify = createTokenVerifier({ audiences: [AUDIENCE], allowedTenants: [], keys, now: () => wallNow + 2 * 3600_000 });
    await expect(verify(await sign("user-f", Math.floor(wallNow / 1000) + 3600))).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("never lets a changed signature ride on a remembered token", async () => {
    const verify = createTokenVerifier({ audiences: [AUDIENCE], allowedTenants: [], keys });
    const token = await sign("user-c", Math.floor(Date.now() / 1000) + 3600);
    await verify(token);
    const tampered = `${token.slice(0, -4)}${token.endsWith("AAAA") ? "BBBB" : "AAAA"}`;
    await expect(verify(tampered)).rejects.toMatchObject({ code: "unauthenticated" });
  });
});
