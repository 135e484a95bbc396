import { adaptiveCard, openUrlAction, textBlock, type AdaptiveCard } from "./adaptive-card.js";

export interface InfoCardContent {
  title: string;
  intro?: string;
  /** Shown as bullet points, in order. */
  points: readonly string[];
  /** An Action.OpenUrl, e.g. to a page of the tab; left off when there is no address for it. */
  link?: { title: string; url: string | undefined };
}

/**
 * A titled card of points with an optional link: the shape of a command's answer that only
 * informs. All text comes from the bot's catalogue; nothing anyone typed goes in it.
 */
export function infoCard({ title, intro, points, link }: InfoCardContent): AdaptiveCard {
  return adaptiveCard({
    body: [
      textBlock({ text: title, size: "Large", weight: "Bolder", wrap: true, style: "heading" }),
      ...(intro ? [textBlock({ text: intro, wrap: true })] : []),
      ...points.map((point) => textBlock({ text: `• ${point}`, wrap: true, spacing: "Small" })),
    ],
    actions: link?.url ? [openUrlAction({ title: link.title, url: link.url })] : undefined,
  });
}
