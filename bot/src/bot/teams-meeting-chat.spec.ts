import { describe, expect, it } from "vitest";
import { meetingChatThreadOf } from "../huddles/meeting-chat.js";
import { summaryText } from "./teams-meeting-chat.js";

const SUMMARY = {
  templateName: "Team [click here](https://evil.example) **now**",
  steps: [
    { title: "Check-in <at>everyone</at>", usedSeconds: 95 },
    { title: "Close", usedSeconds: 40 },
  ],
  totalSeconds: 135,
  pulses: [
    { title: "Pulse", counts: { 1: 0, 2: 1, 3: 0, 4: 2, 5: 0 } },
    { title: "Second pulse", withheld: true as const },
  ],
};

describe("the huddle summary posted to the meeting chat", () => {
  it("finds the chat thread inside a Teams meeting id, and nothing in anything else", () => {
    const thread = "19:meeting_NjE2Y2I0@thread.v2";
    expect(meetingChatThreadOf(Buffer.from(`0#${thread}#0`).toString("base64"))).toBe(thread);
    expect(meetingChatThreadOf(Buffer.from(`0#${thread}`).toString("base64"))).toBe(thread);
    for (const other of ["demo", Buffer.from("0#29:someone#0").toString("base64"), Buffer.from(`0#${thread}/../x#0`).toString("base64")])
      expect(meetingChatThreadOf(other)).toBeUndefined();
  });

  it("shows template and step names as text only: no link, bold or mention survives", () => {
    const text = summaryText(SUMMARY, "en-GB");
    expect(text).not.toMatch(/(?<!\\)\[click here\]\(/);
    expect(text).not.toMatch(/(?<!\\)\*\*now/);
    expect(text).not.toMatch(/(?<!\\)<at>/);
    // Intl words the units ("2 mins 15 secs" in en-GB).
    expect(text).toMatch(/2 steps in 2 min\S*,? 15 sec\S*\./);
    expect(text).toMatch(/Check-in .*: 1 min\S*,? 35 sec/);
    expect(text).toContain("Pulse, Pulse (anonymous, 3 answers): 1: 0 · 2: 1 · 3: 0 · 4: 2 · 5: 0");
    expect(text).toContain("Pulse, Second pulse: fewer than 3 answered, so nothing is shown.");
  });

  it("speaks the poster's language, with Intl's units", () => {
    const text = summaryText(SUMMARY, "de-DE");
    expect(text).toMatch(/2 Schritte in 2 Min\.,? 15 Sek\./);
    expect(text).toContain("Stimmungsbild, Pulse (anonym, 3 Antworten)");
  });
});
