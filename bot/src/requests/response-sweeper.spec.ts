import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmbeddedStore } from "../storage/embedded-store.js";
import { RequestService, type StoredHelpRequest } from "./request-service.js";
import { DEFAULT_RESPONSE_POLICY, ResponsePolicyStore } from "./response-policy.js";
import { ResponseSweeper, type EscalationNotifier } from "./response-sweeper.js";

let directory: string;
let store: EmbeddedStore;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), "peer-circles-sweeper-"));
  store = new EmbeddedStore({ directory });
});
afterAll(async () => {
  await store.close();
  rmSync(directory, { recursive: true, force: true });
});

class RecordingNotifier implements EscalationNotifier {
  readonly events: string[] = [];
  async resendToAllSupporters(_tenantId: string, request: StoredHelpRequest) {
    this.events.push(`resend:${request.referenceCode}`);
  }
  async notifyAdmins(_tenantId: string, request: StoredHelpRequest) {
    this.events.push(`admins:${request.referenceCode}`);
  }
  async tellRequesterChased(request: StoredHelpRequest) {
    this.events.push(`chased:${request.referenceCode}`);
  }
}

describe("response-target sweeper", () => {
  it("chases a missed target once, then the admins once, with two competing instances and a fake clock", async () => {
    let clock = Date.parse("2026-11-23T10:00:00Z"); // a Monday
    const now = () => new Date(clock);
    const requests = new RequestService(store, now);
    const request = await requests.submit(
      { tenantId: "tenant-sweep", userId: "requester" },
      { category: "workload", urgency: "today", preference: "any", contact: "chat", shareName: false },
      { level: "none", reasons: [] },
    );
    const notifier = new RecordingNotifier();
    const instances = ["instance-a", "instance-b"].map(
      (instanceId) => new ResponseSweeper({ store, requests, notifier, instanceId, now, leaseMs: 10_000 }),
    );
    const sweepBoth = async () => (await Promise.all(instances.map((instance) => instance.sweepOnce()))).reduce((a, b) => a + b, 0);

    expect(await sweepBoth()).toBe(0);
    clock += 59 * 60_000;
    expect(await sweepBoth()).toBe(0);
    clock += 2 * 60_000; // 61 minutes: the one-hour target for "today" is missed
    expect(await sweepBoth()).toBe(1);
    clock += 20_000; // past the lease: the other instance may now sweep, and must not repeat it
    expect(await sweepBoth()).toBe(0);
    expect(notifier.events).toEqual([`resend:${request.referenceCode}`, `chased:${request.referenceCode}`]);

    clock += 60 * 60_000; // the second miss
    expect(await sweepBoth()).toBe(1);
    clock += 20_000;
    expect(await sweepBoth()).toBe(0);
    expect(notifier.events.filter((event) => event.startsWith("admins:"))).toEqual([`admins:${request.referenceCode}`]);
  });

  it("follows each tenant's own targets", async () => {
    let clock = Date.parse("2026-11-25T10:00:00Z"); // later than the first test's lease
    const now = () => new Date(clock);
    const requests = new RequestService(store, now);
    const policies = new ResponsePolicyStore(store);
    await policies.set(
      "tenant-fast",
      { ...DEFAULT_RESPONSE_POLICY, targets: { ...DEFAULT_RESPONSE_POLICY.targets, today: { amount: 10, unit: "minutes" } } },
      "admin",
    );
    const request = await requests.submit(
      { tenantId: "tenant-fast", userId: "requester" },
      { category: "workload", urgency: "today", preference: "any", contact: "chat", shareName: false },
      { level: "none", reasons: [] },
    );
    const notifier = new RecordingNotifier();
    const sweeper = new ResponseSweeper({ store, requests, notifier, instanceId: "only", now, policies });
    clock += 11 * 60_000; // past this tenant's 10 minutes, well within the default hour
    await sweeper.sweepOnce();
    expect(notifier.events).toContain(`resend:${request.referenceCode}`);
  });

  it("lets only one instance hold the lease at a time", async () => {
    let clock = Date.parse("2026-11-23T10:00:00Z");
    const now = () => new Date(clock);
    const requests = new RequestService(store, now);
    const notifier = new RecordingNotifier();
    const leaseStore = new EmbeddedStore({ directory: join(directory, "lease") });
    try {
      const [a, b] = ["a", "b"].map(
        (instanceId) => new ResponseSweeper({ store: leaseStore, requests, notifier, instanceId, now, leaseMs: 10_000 }),
      );
      const results = await Promise.all([a!.sweepOnce(), b!.sweepOnce()]);
      expect(results).toEqual([0, 0]);
      const lease = await leaseStore.get<{ holder: string }>("settings", "_system", "response-sweeper-lease");
      expect(["a", "b"]).toContain(lease?.value.holder);
      const holder = lease!.value.holder;
      clock += 5_000;
      await a!.sweepOnce();
      await b!.sweepOnce();
      expect((await leaseStore.get<{ holder: string }>("settings", "_system", "response-sweeper-lease"))?.value.holder).toBe(holder);
      clock += 11_000;
      const other = holder === "a" ? b! : a!;
      await other.sweepOnce();
      expect((await leaseStore.get<{ holder: string }>("settings", "_system", "response-sweeper-lease"))?.value.holder).not.toBe(holder);
    } finally {
      await leaseStore.close();
    }
  });
});
