/** A sample user of development identity mode, as the tab's user switcher lists them. */
export interface DevIdentity {
  key: string;
  displayName: string;
  roles: string[];
}

/** GET /api/dev/identities (development identity mode only). */
export interface DevIdentitiesResponse {
  users: DevIdentity[];
}

/** GET /api/dev/token?user=…: a signed token for one sample user. */
export interface DevTokenResponse {
  token: string;
}
