import type { CircleView, RoundSummary, TeamCircleView } from "../circles/circle-programme.js";

/** GET /api/circle-rounds: open rounds for members; every round, open or published, for admins. */
export interface RoundListResponse {
  rounds: RoundSummary[];
}

/** GET /api/circles and /api/circles/mine. */
export interface CircleListResponse {
  circles: CircleView[];
}

/** POST /api/circle-rounds/:roundId/publish: the circles formed, and how many members the bot could tell. */
export interface PublishedRoundResponse extends CircleListResponse {
  notified: number;
  /** Members the bot cannot message until they open a chat with it. */
  unreachable: number;
}

/** GET /api/teams/:teamKey/circles. */
export interface TeamCircleListResponse {
  circles: TeamCircleView[];
}

/** POST /api/circles/:circleId/join-requests (202): the circle's facilitator decides. */
export interface JoinRequestedResponse {
  requested: true;
}
