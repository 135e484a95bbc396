import { describe, expect, it } from "vitest";
import { httpsLink, markdownLink, resourceEmailLink, resourceSiteLink } from "./card-links.js";
import { formatCardText, plainUserText, userText } from "./user-text.js";

/** What CommonMark shows for backslash escapes: the reader's view of an escaped string. */
const shown = (text: string) => text.replace(/\\([!-/:-@[-`{-~])/g, "$1");

describe("userText", () => {
  it("leaves ordinary words exactly as typed", () => {
    for (const words of ["Anne-Marie O'Neil (dev)", "Research & Development", "Mon–Fri 09:00", "e.g. 3.14 is fine", "💜 thanks"])
      expect(userText(words)).toBe(words);
  });

  it("escapes markdown so the words still read the same", () => {
    const escaped = userText("**URGENT** _now_ ~gone~ `code` [here]");
    expect(escaped).toBe("\\*\\*URGENT\\*\\* \\_now\\_ \\~gone\\~ \\`code\\` \\[here\\]");
    expect(shown(escaped)).toBe("**URGENT** _now_ ~gone~ `code` [here]");
  });

  it("escapes what would start a heading, quote or list only where a line starts", () => {
    expect(userText("# Notice")).toBe("\\# Notice");
    expect(userText("1. Sign in\n- now", { multiline: true })).toBe("1\\. Sign in\n\\- now");
    expect(formatCardText("Call {phone}", { phone: "+44 800" })).toBe("Call +44 800");
    expect(formatCardText("{name} wrote:", { name: "- Sam" })).toBe("\\- Sam wrote:");
  });

  it("defangs addresses visibly, so nothing becomes a link", () => {
    expect(shown(userText("see https://evil.example/login or www.evil.example"))).toBe(
      "see https[://]evil[.]example/login or www[.]evil[.]example",
    );
    expect(shown(userText("write to help@evil.example, mailto:x@y.example"))).toBe("write to help@evil[.]example, mailto[:]x@y[.]example");
  });

  it("neutralises html, mentions, entities, date functions and templates", () => {
    expect(userText("<at>Bot</at>")).toBe("\\<at>Bot\\</at>");
    expect(userText("&lt;b&gt; & co")).toBe("\\&lt;b\\&gt; & co");
    expect(userText("{{DATE(2017-02-14T06:08:39Z, SHORT)}}")).not.toContain("{{");
    expect(userText("${name}")).not.toContain("${");
  });

  it("drops hidden and reordering characters but keeps emoji whole", () => {
    expect(userText("\u202Eevil\u202C \u200Bhidden\u0007")).toBe("evil hidden");
    const family = "\u{1F468}\u200D\u{1F469}\u200D\u{1F467} \u{1F3F3}\uFE0F\u200D\u{1F308}";
    expect(userText(family)).toBe(family);
  });

  it("closes up blank lines and keeps a name on one line", () => {
    expect(userText("Hi\n\n\nNotice", { multiline: true })).toBe("Hi\nNotice");
    expect(userText("Sam\n\nSmith")).toBe("Sam Smith");
    expect(plainUserText("Sam\u202E\nSmith")).toBe("Sam Smith");
  });

  it("cuts very long text with an ellipsis, without splitting an emoji", () => {
    const cut = userText("\u{1F49C}".repeat(400));
    expect(Array.from(cut)).toHaveLength(300);
    expect(cut.endsWith("\u{1F49C}…")).toBe(true);
  });
});

describe("card links", () => {
  it("accept only https addresses without credentials", () => {
    expect(httpsLink("https://teams.microsoft.com/l/meetup-join/x")).toBe("https://teams.microsoft.com/l/meetup-join/x");
    for (const url of ["http://evil.example", "javascript:alert(1)", "https://user:pw@evil.example", "not a url", undefined])
      expect(httpsLink(url)).toBeUndefined();
  });

  it("check a crisis line's site and email the way an admin's resource is checked", () => {
    expect(resourceSiteLink("https://www.samaritans.org")).toBe("https://www.samaritans.org");
    expect(resourceSiteLink("https://192.168.0.1/admin")).toBeUndefined();
    expect(resourceEmailLink("jo@samaritans.org")).toBe("mailto:jo@samaritans.org");
    expect(resourceEmailLink("**not** an email")).toBeUndefined();
  });

  it("write a markdown link whose label cannot break out and whose address cannot end early", () => {
    expect(markdownLink("a]b", "https://x.example/p(1)")).toBe("[a\\]b](https://x.example/p%281%29)");
  });
});
