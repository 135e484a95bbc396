import { resourceContactSchema } from "../../../../shared/resources/resource-schema.js";
import { escapeMarkdown } from "./user-text.js";

/**
 * The only ways an address gets into a card as something to open. Links come from the app's own
 * configuration (its public address, the tab, signed calendar links) or from what an admin saved
 * and the shared schema checked (a circle's meeting link, a crisis line's site or email). A
 * person's own words never become a link: user-text.ts defangs any address in them.
 */

/** An https address with no user name or password, as the app and its admins may configure; otherwise nothing. */
export function httpsLink(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === "https:" && !parsed.username && !parsed.password ? url.trim() : undefined;
  } catch {
    return undefined;
  }
}

/** A crisis line's site, if it passes the same check as an admin's resource contact. */
export function resourceSiteLink(url: string | undefined): string | undefined {
  if (!url || !resourceContactSchema.safeParse({ kind: "url", value: url }).success) return undefined;
  return httpsLink(url);
}

/** A crisis line's email address as a mailto: link, if it passes the admin's resource check. */
export function resourceEmailLink(email: string | undefined): string | undefined {
  if (!email || !resourceContactSchema.safeParse({ kind: "email", value: email }).success) return undefined;
  return `mailto:${email.trim()}`;
}

/**
 * A markdown link to a checked address. The label is markdown-escaped; the destination is the
 * parsed address with the characters that would end a markdown link written out as escapes.
 */
export function markdownLink(label: string, checkedUrl: string): string {
  const destination = new URL(checkedUrl).href.replace(
    /[()<>\s]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
  return `[${escapeMarkdown(label)}](${destination})`;
}

/** What to show for an address: without the scheme or a trailing slash, so the reader sees where it goes. */
export function addressLabel(checkedUrl: string): string {
  return checkedUrl.replace(/^(https:\/\/|mailto:)/i, "").replace(/\/$/, "");
}
