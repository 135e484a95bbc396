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

export interface Me {
  tenantId: string;
  userId: string;
  displayName?: string;
  roles: string[];
  authMode: "entra" | "dev";
}

export interface RequestSummary {
  referenceCode: string;
  category: string;
  urgency: "crisis" | "today" | "soon" | "can_wait";
  status: string;
  crisis: boolean;
  createdAt: string;
  updatedAt: string;
  claimedByMe: boolean;
  mine: boolean;
}

export interface RequestDetail extends RequestSummary {
  preference: string;
  contact: string;
  anonymous: boolean;
  text?: string;
  requesterName?: string;
}

export interface AuditEntry {
  actorId: string;
  action: string;
  at: string;
}

export type TokenSource = () => Promise<string>;

export class ApiClient {
  constructor(private readonly getToken: TokenSource) {}

  me(): Promise<Me> {
    return this.request<Me>("GET", "/api/me");
  }

  myRequests(): Promise<{ requests: RequestSummary[] }> {
    return this.request("GET", "/api/requests/mine");
  }

  queue(): Promise<{ requests: (RequestSummary & { claimBy: string })[]; unreachableSupporters: string[] }> {
    return this.request("GET", "/api/requests/queue");
  }

  requestDetail(code: string): Promise<{ request: RequestDetail; audit?: AuditEntry[] }> {
    return this.request("GET", `/api/requests/${encodeURIComponent(code)}`);
  }

  act(code: string, action: string): Promise<{ request: RequestSummary }> {
    return this.request("POST", `/api/requests/${encodeURIComponent(code)}/actions`, { action });
  }

  sendMessage(code: string, message: string): Promise<{ sent: boolean; crisis: boolean }> {
    return this.request("POST", `/api/requests/${encodeURIComponent(code)}/messages`, { message });
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      const token = await this.getToken();
      response = await fetch(path, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw error instanceof ApiError ? error : new ApiError(0, "network", (error as Error).message);
    }
    const payload = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
    if (!response.ok) throw new ApiError(response.status, payload.code ?? "unknown", payload.message ?? response.statusText);
    return payload as T;
  }
}

/** Outside Teams, in development identity mode only: a token for a sample user. */
export async function fetchDevToken(userKey: string): Promise<string> {
  const response = await fetch(`/api/dev/token?user=${encodeURIComponent(userKey)}`);
  if (!response.ok) throw new ApiError(response.status, "dev_identity_unavailable", "Development identity is not enabled on this server.");
  return ((await response.json()) as { token: string }).token;
}

export async function fetchDevIdentities(): Promise<{ key: string; displayName: string; roles: string[] }[]> {
  const response = await fetch("/api/dev/identities");
  if (!response.ok) return [];
  return ((await response.json()) as { users: { key: string; displayName: string; roles: string[] }[] }).users;
}
