/** GET /api/me/data/erasure: what erasing one's data removes, counted. */
export interface ErasurePreview {
  /** Open requests that will be withdrawn, then erased. */
  openRequests: number;
  /** Closed requests that will keep only category, urgency, status and dates. */
  closedRequests: number;
  circleMemberships: number;
  signUps: number;
  joinRequests: number;
  /** Preferences, and how the bot reaches this person. */
  settings: number;
  /** A buddy offer or request, and active buddy pairings. */
  buddy: number;
  /** Weeks with a pseudonymous participation record behind the programme's figures. */
  participationWeeks: number;
}

/** DELETE /api/me/data: what was erased, counted as the preview counted it. */
export interface ErasedResponse {
  erased: ErasurePreview;
}
