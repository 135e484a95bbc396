import { exportJWK, generateKeyPair, SignJWT, createLocalJWKSet, type JWTVerifyGetKey, type CryptoKey } from "jose";
import type { GrantableRole } from "../../../shared/index.js";
import { API_SCOPE, issuersFor } from "./token-verifier.js";

/** A sample person for running outside Teams. Their ids are fixed so local data stays meaningful. */
export interface DevUser {
  key: string;
  userId: string;
  displayName: string;
  roles: GrantableRole[];
}

export const DEV_TENANT_ID = "00000000-0000-4000-8000-00000000d0e0";
export const DEV_CLIENT_ID = "00000000-0000-4000-8000-0000000c11e0";

export const DEV_USERS: readonly DevUser[] = [
  { key: "ada", userId: "00000000-0000-4000-8000-00000000ad01", displayName: "Ada Admin (dev)", roles: ["admin"] },
  { key: "sam", userId: "00000000-0000-4000-8000-00000000d5a1", displayName: "Sam Supporter (dev)", roles: ["supporter"] },
  { key: "sky", userId: "00000000-0000-4000-8000-00000000d5a2", displayName: "Sky Supporter (dev)", roles: ["supporter", "facilitator"] },
  { key: "fin", userId: "00000000-0000-4000-8000-00000000f001", displayName: "Fin Facilitator (dev)", roles: ["facilitator"] },
  { key: "mia", userId: "00000000-0000-4000-8000-000000000e01", displayName: "Mia Member (dev)", roles: [] },
  { key: "max", userId: "00000000-0000-4000-8000-000000000e02", displayName: "Max Member (dev)", roles: [] },
];

/**
 * Development identity: a signing key generated at start-up (never written to disk) that issues
 * Entra-shaped tokens for the sample users. The server verifies them through exactly the same code
 * path as real Teams tokens, with only the key set swapped.
 */
export class DevIdentityIssuer {
  private constructor(
    private readonly privateKey: CryptoKey,
    readonly keys: JWTVerifyGetKey,
    readonly audience: string,
  ) {}

  static async create(audience: string = DEV_CLIENT_ID): Promise<DevIdentityIssuer> {
    const { privateKey, publicKey } = await generateKeyPair("RS256");
    const jwk = { ...(await exportJWK(publicKey)), kid: "peer-circles-dev", alg: "RS256", use: "sig" };
    return new DevIdentityIssuer(privateKey, createLocalJWKSet({ keys: [jwk] }), audience);
  }

  users(): readonly DevUser[] {
    return DEV_USERS;
  }

  async issueToken(userKey: string, lifetimeSeconds = 3600): Promise<string | undefined> {
    const user = DEV_USERS.find((candidate) => candidate.key === userKey);
    if (!user) return undefined;
    return new SignJWT({
      tid: DEV_TENANT_ID,
      oid: user.userId,
      name: user.displayName,
      preferred_username: `${user.key}@peer-circles.example`,
      scp: API_SCOPE,
      ver: "2.0",
    })
      .setProtectedHeader({ alg: "RS256", kid: "peer-circles-dev", typ: "JWT" })
      .setIssuer(issuersFor(DEV_TENANT_ID)[0]!)
      .setAudience(this.audience)
      .setSubject(user.userId)
      .setIssuedAt()
      .setExpirationTime(`${lifetimeSeconds}s`)
      .sign(this.privateKey);
  }
}
