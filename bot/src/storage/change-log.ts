import { randomUUID } from "node:crypto";
import type { ChangePage, ChangedDocument, ContainerName, JsonObject } from "./document-store.js";

/** How long a write stays in the log; callers look every second or so. */
const KEEP_MS = 2 * 60_000;

interface Entry extends ChangedDocument {
  container: ContainerName;
  kind: string;
  seq: number;
  at: number;
}

/**
 * The embedded store's answer to `changesSince`: its own writes, in order, for a few minutes. A
 * map keeps insertion order, and a rewritten document moves to the end, so the log holds each
 * document once and is ordered by sequence. The cursor names this log (a restart starts a new one)
 * and a sequence number; an unknown or too old cursor answers `complete: false`.
 */
export class ChangeLog {
  private readonly id = randomUUID();
  private readonly entries = new Map<string, Entry>();
  private seq = 0;
  /** The oldest sequence number still known: anything older was dropped. */
  private floor = 0;

  constructor(private readonly now: () => number = Date.now) {}

  note(container: ContainerName, tenantId: string, id: string, value: JsonObject, etag: string): void {
    const key = `${container}\u0000${tenantId}\u0000${id}`;
    this.entries.delete(key);
    const kind = typeof value.kind === "string" ? value.kind : "";
    this.entries.set(key, { container, kind, tenantId, id, etag, seq: ++this.seq, at: this.now() });
    const oldest = this.now() - KEEP_MS;
    for (const [entryKey, entry] of this.entries) {
      if (entry.at >= oldest) break;
      this.entries.delete(entryKey);
      this.floor = entry.seq;
    }
  }

  since(container: ContainerName, kind: string, cursor?: string): ChangePage {
    const next = `${this.id}:${this.seq}`;
    if (cursor === undefined) return { changes: [], cursor: next, complete: true };
    const [logId, position] = cursor.split(":");
    const from = Number(position);
    if (logId !== this.id || !Number.isInteger(from) || from < this.floor || from > this.seq)
      return { changes: [], cursor: next, complete: false };
    const changes: ChangedDocument[] = [];
    // Newest last; walking the whole map is bounded by the few minutes kept.
    for (const entry of this.entries.values())
      if (entry.seq > from && entry.container === container && entry.kind === kind)
        changes.push({ tenantId: entry.tenantId, id: entry.id, etag: entry.etag });
    return { changes, cursor: next, complete: true };
  }
}
