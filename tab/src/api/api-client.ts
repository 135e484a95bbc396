import type { BuddyMatchReport, BuddyOfferInput, BuddyRequestInput, MyBuddies } from "../../../shared/circles/buddy-programme.js";
import type {
  CircleEditInput,
  CircleView,
  OpenRoundInput,
  RoundPreview,
  RoundSummary,
  SignUpInput,
} from "../../../shared/circles/circle-programme.js";
import type { RequestForm } from "../../../shared/requests/help-request.js";
import type { MyCaseload, SupporterProfileInput } from "../../../shared/supporters/supporter-profile.js";
import type { HuddleTemplateInput } from "../../../shared/huddles/templates.js";
import type { InsightsReport, InsightsSettings } from "../../../shared/insights/insights-report.js";
import type { ResourceInput } from "../../../shared/resources/resource-schema.js";
import type {
  BuddyPairingListResponse,
  CaseloadCapResponse,
  CircleListResponse,
  DevIdentitiesResponse,
  DevIdentity,
  DevTokenResponse,
  ErasedResponse,
  ErasurePreview,
  HuddlePresenceResponse,
  HuddleViewResponse,
  InsightsSettingsResponse,
  JoinRequestedResponse,
  ListedResource,
  ListedTemplate,
  MeResponse,
  MessageSentResponse,
  MyRequestsPage,
  PublishedRoundResponse,
  QueuePage,
  RequestActionResponse,
  RequestCreatedResponse,
  RequestDetailResponse,
  ResourceListResponse,
  RoundListResponse,
  SavedSupporterResponse,
  ServerTimeResponse,
  SupporterDirectoryResponse,
  SupporterRosterResponse,
  TeamCircleListResponse,
  TemplateListResponse,
} from "../../../shared/api/index.js";
import { fileOf, type FileFallback } from "./file-download.js";
/** Typed calls to the server's `/api`, each carrying the caller's token. Errors keep the server's code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The dashboard's range and filters; each is left out of the address when not chosen. */
export interface InsightsQuery {
  from?: string;
  to?: string;
  category?: string;
  urgency?: string;
}

function insightsSearch(query: InsightsQuery): string {
  return new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();
}

const pageSearch = (continuation?: string) => (continuation ? `?${new URLSearchParams({ continuation }).toString()}` : "");

export type TokenSource = () => Promise<string>;

export class ApiClient {
  constructor(private readonly getToken: TokenSource) {}

  me(): Promise<MeResponse> {
    return this.request("GET", "/api/me");
  }

  /** One page of the caller's requests; pass `continuation` back for the next. */
  myRequests(continuation?: string): Promise<MyRequestsPage> {
    return this.request("GET", `/api/requests/mine${pageSearch(continuation)}`);
  }

  /** One page of the queue, most urgent first; pass `continuation` back for the next. */
  queue(continuation?: string): Promise<QueuePage> {
    return this.request("GET", `/api/requests/queue${pageSearch(continuation)}`);
  }

  /** The bot's request form, sent from the tab; the same `submissionId` again finds the request it made. */
  createRequest(form: RequestForm, submissionId: string, locale?: string): Promise<RequestCreatedResponse> {
    return this.request("POST", "/api/requests", { form, submissionId, ...(locale ? { locale } : {}) });
  }

  requestDetail(code: string): Promise<RequestDetailResponse> {
    return this.request("GET", `/api/requests/${encodeURIComponent(code)}`);
  }

  act(code: string, action: string): Promise<RequestActionResponse> {
    return this.request("POST", `/api/requests/${encodeURIComponent(code)}/actions`, { action });
  }

  sendMessage(code: string, message: string): Promise<MessageSentResponse> {
    return this.request("POST", `/api/requests/${encodeURIComponent(code)}/messages`, { message });
  }

  serverTime(): Promise<ServerTimeResponse> {
    return this.request("GET", "/api/time");
  }

  huddle(meetingId: string): Promise<HuddleViewResponse> {
    return this.request("GET", `/api/huddles/${encodeURIComponent(meetingId)}`);
  }

  /** The facilitator's "who is here": names of the people with the huddle open now, from the server's shared presence. */
  huddlePresence(meetingId: string): Promise<HuddlePresenceResponse> {
    return this.request("GET", `/api/huddles/${encodeURIComponent(meetingId)}/presence`);
  }

  createHuddle(meetingId: string, templateId: string): Promise<HuddleViewResponse> {
    return this.request("POST", "/api/huddles", { meetingId, templateId });
  }

  huddleAction(meetingId: string, action: { type: string; to?: string; version?: string }): Promise<HuddleViewResponse> {
    return this.request("POST", `/api/huddles/${encodeURIComponent(meetingId)}/actions`, action);
  }

  huddleTemplates(): Promise<TemplateListResponse> {
    return this.request("GET", "/api/huddle-templates");
  }

  createTemplate(input: HuddleTemplateInput): Promise<ListedTemplate> {
    return this.request("POST", "/api/huddle-templates", input);
  }

  updateTemplate(id: string, input: HuddleTemplateInput, version: string): Promise<ListedTemplate> {
    return this.request("PUT", `/api/huddle-templates/${encodeURIComponent(id)}`, { template: input, version });
  }

  deleteTemplate(id: string, version: string): Promise<void> {
    return this.request("DELETE", `/api/huddle-templates/${encodeURIComponent(id)}`, { version });
  }

  resources(): Promise<ResourceListResponse> {
    return this.request("GET", "/api/resources");
  }

  createResource(input: ResourceInput): Promise<ListedResource> {
    return this.request("POST", "/api/resources", input);
  }

  updateResource(id: string, input: ResourceInput, version: string): Promise<ListedResource> {
    return this.request("PUT", `/api/resources/${encodeURIComponent(id)}`, { resource: input, version });
  }

  deleteResource(id: string, version: string): Promise<void> {
    return this.request("DELETE", `/api/resources/${encodeURIComponent(id)}`, { version });
  }

  answerPulse(meetingId: string, level: number): Promise<HuddleViewResponse> {
    return this.request("POST", `/api/huddles/${encodeURIComponent(meetingId)}/pulse`, { level });
  }

  /** The facilitator posts an ended huddle's summary to the meeting chat; the server writes it, in this language. */
  postHuddleSummary(meetingId: string, locale: string): Promise<{ posted: true }> {
    return this.request("POST", `/api/huddles/${encodeURIComponent(meetingId)}/summary`, { locale });
  }

  /** Open rounds for members; every round, open or published, for admins. */
  circleRounds(): Promise<RoundListResponse> {
    return this.request("GET", "/api/circle-rounds");
  }

  openRound(input: OpenRoundInput): Promise<RoundSummary> {
    return this.request("POST", "/api/circle-rounds", input);
  }

  /** Signing up again replaces the earlier answer. */
  signUp(roundId: string, input: SignUpInput): Promise<RoundSummary> {
    return this.request("PUT", `/api/circle-rounds/${encodeURIComponent(roundId)}/sign-up`, input);
  }

  withdrawSignUp(roundId: string): Promise<void> {
    return this.request("DELETE", `/api/circle-rounds/${encodeURIComponent(roundId)}/sign-up`);
  }

  previewRound(roundId: string): Promise<RoundPreview> {
    return this.request("GET", `/api/circle-rounds/${encodeURIComponent(roundId)}/preview`);
  }

  publishRound(roundId: string): Promise<PublishedRoundResponse> {
    return this.request("POST", `/api/circle-rounds/${encodeURIComponent(roundId)}/publish`, {});
  }

  myCircles(): Promise<CircleListResponse> {
    return this.request("GET", "/api/circles/mine");
  }

  teamCircles(teamKey: string): Promise<TeamCircleListResponse> {
    return this.request("GET", `/api/teams/${encodeURIComponent(teamKey)}/circles`);
  }

  askToJoin(circleId: string, teamKey: string): Promise<JoinRequestedResponse> {
    return this.request("POST", `/api/circles/${encodeURIComponent(circleId)}/join-requests`, { teamKey });
  }

  /** Offers to facilitate the circle's next session instead of whoever the rotation picked. */
  facilitateNext(circleId: string): Promise<CircleView> {
    return this.request("POST", `/api/circles/${encodeURIComponent(circleId)}/facilitator`, {});
  }

  editCircle(circleId: string, change: CircleEditInput): Promise<CircleView> {
    return this.request("PUT", `/api/circles/${encodeURIComponent(circleId)}`, change);
  }

  decideJoinRequest(circleId: string, userId: string, decision: "approve" | "decline"): Promise<CircleView> {
    return this.request("POST", `/api/circles/${encodeURIComponent(circleId)}/join-requests/${encodeURIComponent(userId)}/${decision}`);
  }

  allCircles(): Promise<CircleListResponse> {
    return this.request("GET", "/api/circles");
  }

  leaveCircle(circleId: string): Promise<void> {
    return this.request("POST", `/api/circles/${encodeURIComponent(circleId)}/leave`, {});
  }

  supporterDirectory(): Promise<SupporterDirectoryResponse> {
    return this.request("GET", "/api/supporters");
  }

  myCaseload(): Promise<MyCaseload> {
    return this.request("GET", "/api/supporters/me");
  }

  /** On or off duty, as the bot's "on duty" and "off duty" set it; answers with the caseload as it now stands. */
  setOnDuty(onDuty: boolean): Promise<MyCaseload> {
    return this.request("PUT", "/api/supporters/me/duty", { onDuty });
  }

  supporterRoster(): Promise<SupporterRosterResponse> {
    return this.request("GET", "/api/admin/supporters");
  }

  saveSupporter(userId: string, profile: SupporterProfileInput): Promise<SavedSupporterResponse> {
    return this.request("PUT", `/api/admin/supporters/${encodeURIComponent(userId)}`, profile);
  }

  setCaseloadCap(caseloadCap: number): Promise<CaseloadCapResponse> {
    return this.request("PUT", "/api/admin/supporter-settings", { caseloadCap });
  }

  /** Everything the server stores about the caller, as the JSON file it writes. */
  myDataFile(): Promise<File> {
    return this.file("/api/me/data", { name: "peer-circles-my-data.json", type: "application/json" });
  }

  erasurePreview(): Promise<ErasurePreview> {
    return this.request("GET", "/api/me/data/erasure");
  }

  eraseMyData(): Promise<ErasedResponse> {
    return this.request("DELETE", "/api/me/data", { confirm: "erase-my-data" });
  }

  /** The circle's sessions as an .ics. */
  calendarFile(circleId: string): Promise<File> {
    return this.file(`/api/circles/${encodeURIComponent(circleId)}/calendar`, { name: "circle.ics", type: "text/calendar" });
  }

  myBuddies(): Promise<MyBuddies> {
    return this.request("GET", "/api/buddies/mine");
  }

  /** Offering again replaces the earlier offer. */
  offerToBuddy(input: BuddyOfferInput): Promise<MyBuddies> {
    return this.request("PUT", "/api/buddies/offer", input);
  }

  withdrawBuddyOffer(): Promise<void> {
    return this.request("DELETE", "/api/buddies/offer");
  }

  /** Asking again replaces the earlier request. */
  askForBuddy(input: BuddyRequestInput): Promise<MyBuddies> {
    return this.request("PUT", "/api/buddies/request", input);
  }

  withdrawBuddyRequest(): Promise<void> {
    return this.request("DELETE", "/api/buddies/request");
  }

  endBuddyPairing(pairingId: string): Promise<void> {
    return this.request("POST", `/api/buddies/pairings/${encodeURIComponent(pairingId)}/end`, {});
  }

  /** The suggested first check-in as an .ics, fetched with the token like a circle's. */
  buddyCalendarFile(pairingId: string): Promise<File> {
    return this.file(`/api/buddies/pairings/${encodeURIComponent(pairingId)}/calendar`, {
      name: "buddy-check-in.ics",
      type: "text/calendar",
    });
  }

  matchBuddies(): Promise<BuddyMatchReport> {
    return this.request("POST", "/api/buddies/match", {});
  }

  buddyPairings(): Promise<BuddyPairingListResponse> {
    return this.request("GET", "/api/buddies/pairings");
  }

  insights(query: InsightsQuery): Promise<InsightsReport> {
    return this.request("GET", `/api/insights?${insightsSearch(query)}`);
  }

  /** The same figures as `insights`, as the server writes them to CSV, fetched with the token. */
  insightsCsv(query: InsightsQuery): Promise<File> {
    return this.file(`/api/insights.csv?${insightsSearch(query)}`, { name: "peer-circles-insights.csv", type: "text/csv" });
  }

  saveInsightsSettings(settings: InsightsSettings & { programmeSize: number }): Promise<InsightsSettingsResponse> {
    return this.request("PUT", "/api/insights/settings", settings);
  }

  /** The huddle's event stream, read with fetch so the token can travel in a header. */
  async huddleEvents(meetingId: string, signal: AbortSignal): Promise<Response> {
    const token = await this.getToken();
    return fetch(`/api/huddles/${encodeURIComponent(meetingId)}/events`, { headers: { Authorization: `Bearer ${token}` }, signal });
  }

  /** A file to download, fetched with the token; a refusal throws the server's error like any call. */
  private async file(path: string, fallback: FileFallback): Promise<File> {
    const response = await this.send("GET", path);
    if (!response.ok) throw await errorOf(response);
    return fileOf(response, fallback);
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.send(method, path, body);
    if (!response.ok) throw await errorOf(response);
    // A 204 has no body; it resolves to an empty object, which callers of void methods ignore.
    return (await response.json().catch(() => ({}))) as T;
  }

  private async send(method: string, path: string, body?: unknown): Promise<Response> {
    try {
      const token = await this.getToken();
      return await fetch(path, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      // The browser's own words for a failed fetch are English; an empty message lets the page say it in the viewer's language.
      throw error instanceof ApiError ? error : new ApiError(0, "network", "");
    }
  }
}

async function errorOf(response: Response): Promise<ApiError> {
  const payload = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
  return new ApiError(response.status, payload.code ?? "unknown", payload.message ?? response.statusText);
}

/** Outside Teams, in development identity mode only: a token for a sample user. */
export async function fetchDevToken(userKey: string): Promise<string> {
  const response = await fetch(`/api/dev/token?user=${encodeURIComponent(userKey)}`);
  if (!response.ok) throw new ApiError(response.status, "dev_identity_unavailable", "Development identity is not enabled on this server.");
  return ((await response.json()) as DevTokenResponse).token;
}

export async function fetchDevIdentities(): Promise<DevIdentity[]> {
  const response = await fetch("/api/dev/identities");
  if (!response.ok) return [];
  return ((await response.json()) as DevIdentitiesResponse).users;
}
